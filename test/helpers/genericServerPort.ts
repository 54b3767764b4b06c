import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import type { UpdaterPort } from '../../src/main/platform/updates/updateController';
import { updateInfoSchema } from '../../src/main/platform/updates/updateInfo';
import type { UpdateInfo } from '../../src/main/platform/updates/updateInfo';

/**
 * Stands in for electron-updater (which cannot load outside Electron) behind the controller's
 * UpdaterPort: plain HTTP against a generic update server, latest.yml read with js-yaml and the
 * production schema, the installer refused on a sha512 mismatch as electron-updater refuses it.
 * Only tests use it; the app's feed reader is src/main/platform/updates/feedCheck.ts.
 */
export function sha512Base64(bytes: Uint8Array): string {
  return createHash('sha512').update(bytes).digest('base64');
}

export function genericServerPort(options: {
  feedUrl: string;
  channelFile: string;
  stagingUserId: string;
  downloadDir: string;
}): { port: UpdaterPort; log: { installed: number; installOnQuit: boolean; files: string[] } } {
  const base = new URL(options.feedUrl.endsWith('/') ? options.feedUrl : `${options.feedUrl}/`);
  let found: UpdateInfo | null = null;
  const log = { installed: 0, installOnQuit: false, files: [] as string[] };
  const port: UpdaterPort = {
    async check() {
      const url = new URL(options.channelFile, base);
      const response = await fetch(url, { headers: { 'cache-control': 'no-cache' } });
      found = null;
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`${url.href}: HTTP ${response.status}`);
      found = updateInfoSchema.parse(loadYaml(await response.text()));
      return { info: found, stagingUserId: options.stagingUserId };
    },
    async download(onProgress) {
      const file = found?.files[0];
      if (!file) throw new Error('nothing to download');
      const url = new URL(file.url, base);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url.href}: HTTP ${response.status}`);
      const bytes = Buffer.from(await response.arrayBuffer());
      onProgress(100);
      if (sha512Base64(bytes) !== file.sha512) throw new Error('sha512 checksum mismatch');
      const target = path.join(options.downloadDir, path.basename(url.pathname));
      fs.writeFileSync(target, bytes);
      log.files.push(target);
    },
    installNow() {
      log.installed += 1;
    },
    setInstallOnQuit(allowed) {
      log.installOnQuit = allowed;
    },
  };
  return { port, log };
}
