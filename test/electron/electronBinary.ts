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
