import type { KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadPublicKey } from '../crypto/ed25519';

/** Tests and trials point here at their own keys; packaged release builds never read it. */
export const RELEASE_KEYS_DIR_ENV = 'BALIE_RELEASE_KEYS_DIR';

/** The pinned release keys shipped in `assets/release-keys/` (see its README). */
export function bundledReleaseKeysDir(assetsDir: string): string {
  return path.join(assetsDir, 'release-keys');
}

/** Every Ed25519 `*.pub.pem` in the folder; anything else there is ignored, a missing folder is none. */
export function loadReleaseKeys(dir: string): KeyObject[] {
  let names: string[];
  try {
    names = fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.pub.pem'))
      .sort();
  } catch {
    return [];
  }
  const keys: KeyObject[] = [];
  for (const name of names) {
    const key = loadPublicKey(fs.readFileSync(path.join(dir, name), 'utf8'));
    if (key.ok) keys.push(key.value);
  }
  return keys;
}
