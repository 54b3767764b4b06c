import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'Lerarenkaart Balie';

/**
 * Per-user local (not roaming) app data: SQLite's WAL must not live on a network-redirected folder.
 * Windows %LOCALAPPDATA%, macOS Application Support, Linux $XDG_DATA_HOME.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') {
    return path.join(env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), APP_FOLDER_NAME);
  }
  if (platform === 'darwin')
    return path.join(os.homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'lerarenkaart-balie');
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.BALIE_DB ?? path.join(defaultDataDir(env), 'balie.sqlite');
}

/** Backups sit next to the database they protect. */
export function backupDirFor(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups');
}
