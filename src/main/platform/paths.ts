import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The project root (in a packaged app: the app.asar root), from this file's own place,
 * src/main/platform. The Electron build script rewrites import.meta.dirname so this holds for the
 * bundle as well.
 */
export const APP_ROOT = path.resolve(import.meta.dirname, '../../..');
export const ASSETS_DIR = path.join(APP_ROOT, 'assets');
/** The Belgian postcodes with coordinates, for the map and the postcode lookup. */
export const POSTCODES_FILE = path.join(ASSETS_DIR, 'be-postcodes.csv');
export const RENDERER_DIST = path.join(APP_ROOT, 'dist', 'renderer');
export const APP_VERSION = (
  JSON.parse(fs.readFileSync(path.join(APP_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

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
/** Signed reports and the Overzicht PDFs, next to the database. */
export function reportsDirFor(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'reports');
}
/** The postcode map (Voronoi cells, projected), made by scripts/make-postcode-map.ts. */
export const POSTCODE_CELLS_FILE = path.join(ASSETS_DIR, 'be-postcode-cells.json');
