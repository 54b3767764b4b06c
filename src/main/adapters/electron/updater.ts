import fs from 'node:fs';
import path from 'node:path';
import updaterPackage from 'electron-updater';
import type { UpdaterPort } from '../../platform/updates/updateController';
import type { UpdateInfo } from '../../platform/updates/updateInfo';
import type { UpdateSettings } from '../../platform/updates/updatePolicy';
import type { Clock } from '../../../shared/time/clock';
import type { Logger } from './log';
import { VerifiedFeedProvider } from './verifiedFeedProvider';

/**
 * electron-updater's autoUpdater behind the UpdaterPort the tested controller drives. Created
 * only here, only when the policy enables updates (touching `autoUpdater` elsewhere would load
 * Electron). The feed URL and channel come from the policy at run time (setFeedURL); the
 * placeholder baked into app-update.yml at build time is never used. The feed goes through
 * VerifiedFeedProvider: signature first, then version, freshness and expiry.
 */
export function createElectronUpdaterPort(
  settings: UpdateSettings,
  dirs: { userDataDir: string; storeDir: string; releaseKeysDir: string },
  log: Logger,
  clock: Clock,
): UpdaterPort {
  const { userDataDir, storeDir, releaseKeysDir } = dirs;
  if (!settings.feedUrl) throw new Error('updates need a feed URL');
  const updater = updaterPackage.autoUpdater;
  updater.logger = {
    info: (m?: unknown) => log.info(`updater: ${String(m)}`),
    warn: (m?: unknown) => log.warn(`updater: ${String(m)}`),
    error: (m?: unknown) => log.error(`updater: ${String(m)}`),
    debug: () => undefined,
  };
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.autoRunAppAfterInstall = true;
  updater.allowDowngrade = false;
  updater.allowPrerelease = settings.channel !== 'latest';
  updater.disableWebInstaller = true;
  // Never the generic provider: the feed is believed only after its signature verifies.
  updater.setFeedURL({
    provider: 'custom',
    updateProvider: VerifiedFeedProvider,
    url: settings.feedUrl,
    channel: settings.channel,
    storeDir,
    releaseKeysDir,
    clock,
  } as unknown as Parameters<typeof updater.setFeedURL>[0]);

  return {
    async check() {
      const result = await updater.checkForUpdates();
      if (!result) return null;
      const info = result.updateInfo;
      const mapped: UpdateInfo = {
        version: info.version,
        files: info.files.map((f) => ({
          url: f.url,
          sha512: f.sha512,
          ...(f.size !== undefined ? { size: f.size } : {}),
        })),
        ...(info.releaseDate ? { releaseDate: info.releaseDate } : {}),
        ...(info.stagingPercentage !== undefined
          ? { stagingPercentage: Number(info.stagingPercentage) }
          : {}),
      };
      return {
        info: mapped,
        stagingUserId: readStagingUserId(userDataDir),
        offered: result.isUpdateAvailable,
      };
    },
    async download(onProgress) {
      const listener = (p: { percent: number }) => onProgress(p.percent);
      updater.on('download-progress', listener);
      try {
        await updater.downloadUpdate();
      } finally {
        updater.off('download-progress', listener);
      }
    },
    installNow() {
      updater.quitAndInstall(true, true);
    },
    setInstallOnQuit(allowed) {
      updater.autoInstallOnAppQuit = allowed;
    },
  };
}

/** electron-updater keeps the staged-rollout id in userData/.updaterId (made on first check). */
function readStagingUserId(userDataDir: string): string | null {
  try {
    return fs.readFileSync(path.join(userDataDir, '.updaterId'), 'utf8').trim() || null;
  } catch {
    return null;
  }
}
