import fs from 'node:fs';
import path from 'node:path';

export const SKIP_LINE = 'skipped: Electron binary not available';

/**
 * The Electron executable, found the way the `electron` package would (path.txt + dist/), but
 * without require('electron'): that would try to download the binary, which fails here.
 */
export function electronBinaryPath(root: string): string | null {
  const pkg = path.join(root, 'node_modules', 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let relative: string;
  try {
    relative = fs.readFileSync(path.join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const file = override ? path.join(override, relative) : path.join(pkg, 'dist', relative);
  return relative !== '' && fs.existsSync(file) ? file : null;
}

/**
 * The packaged, unpacked test build electron-builder left in `dir` (release workflow:
 * BALIE_ELECTRON_PACKAGED=release-test): linux-unpacked, win-unpacked or mac(-arm64)/….app.
 */
export function packagedAppPath(dir: string, executableName: string, productName: string): string | null {
  if (!fs.existsSync(dir)) return null;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const sub = path.join(dir, entry.name);
    if (/^(linux|win)(-\w+)?-unpacked$/.test(entry.name)) {
      const exe = path.join(sub, process.platform === 'win32' ? `${executableName}.exe` : executableName);
      if (fs.existsSync(exe)) return exe;
    }
    if (/^mac(-\w+)?$/.test(entry.name)) {
      const exe = path.join(sub, `${productName}.app`, 'Contents', 'MacOS', productName);
      if (fs.existsSync(exe)) return exe;
    }
  }
  return null;
}
