import path from 'node:path';

/**
 * SQLite's WAL needs a local disk: on a network share or a redirected (roaming) profile folder
 * its shared-memory file is unreliable and the database can be damaged. These checks are pure:
 * the shell passes the data folder, its realpath and the environment.
 */
export type DataLocationWarning =
  | { code: 'unc_path'; path: string }
  | { code: 'roaming_profile'; path: string }
  | { code: 'redirected'; path: string; realPath: string };

export function checkDataLocation(input: {
  dataDir: string;
  /** fs.realpathSync.native(dataDir) (or of its nearest existing parent). */
  realDataDir: string;
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
}): DataLocationWarning[] {
  const { dataDir, realDataDir, platform, env } = input;
  const warnings: DataLocationWarning[] = [];
  const unc = [dataDir, realDataDir].find(isUncPath);
  if (unc) warnings.push({ code: 'unc_path', path: unc });
  if (platform === 'win32') {
    const roaming = env.APPDATA ?? env.AppData;
    if (roaming && [dataDir, realDataDir].some((p) => isInside(p, roaming, true))) {
      warnings.push({ code: 'roaming_profile', path: dataDir });
    }
  }
  const caseInsensitive = platform === 'win32' || platform === 'darwin';
  if (!samePath(stripLongPrefix(dataDir), stripLongPrefix(realDataDir), platform, caseInsensitive)) {
    warnings.push({ code: 'redirected', path: dataDir, realPath: realDataDir });
  }
  return warnings;
}

/** `\\server\share\…`, `//server/share/…` and `\\?\UNC\…`; not `\\?\C:\…` or `\\.\` device paths. */
export function isUncPath(p: string): boolean {
  if (/^[\\/]{2}\?[\\/]UNC[\\/]/i.test(p)) return true;
  if (/^[\\/]{2}[?.][\\/]/.test(p)) return false;
  return /^[\\/]{2}[^\\/]+[\\/]+[^\\/]+/.test(p);
}

function stripLongPrefix(p: string): string {
  return p.replace(/^[\\/]{2}\?[\\/](?!UNC[\\/])/i, '');
}

function normalise(p: string, platform: NodeJS.Platform, caseInsensitive: boolean): string {
  const api = platform === 'win32' ? path.win32 : path.posix;
  let n = api.normalize(p).replace(/[\\/]+$/, '');
  if (platform === 'win32') n = n.replace(/\//g, '\\');
  return caseInsensitive ? n.toLowerCase() : n;
}

function samePath(a: string, b: string, platform: NodeJS.Platform, caseInsensitive: boolean): boolean {
  return normalise(a, platform, caseInsensitive) === normalise(b, platform, caseInsensitive);
}

function isInside(p: string, parent: string, caseInsensitive: boolean): boolean {
  const child = normalise(p, 'win32', caseInsensitive);
  const root = normalise(parent, 'win32', caseInsensitive);
  return child === root || child.startsWith(root + '\\');
}

export function dataLocationText(warning: DataLocationWarning): string {
  switch (warning.code) {
    case 'unc_path':
      return `De gegevensmap ligt op een netwerkschijf (${warning.path}). De database hoort op een lokale schijf: vraag de IT-dienst de map lokaal te houden.`;
    case 'roaming_profile':
      return `De gegevensmap ligt in het zwervende profiel (%APPDATA%: ${warning.path}). Gebruik %LOCALAPPDATA%; anders kan de database beschadigd raken.`;
    case 'redirected':
      return `De gegevensmap ${warning.path} wordt omgeleid naar ${warning.realPath} (mapomleiding of koppeling). Als dat een netwerklocatie is, kan de database beschadigd raken.`;
  }
}
