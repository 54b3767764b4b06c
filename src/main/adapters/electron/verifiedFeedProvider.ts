import updaterPackage from 'electron-updater';
import type { AppUpdater, UpdateInfo as ElectronUpdateInfo } from 'electron-updater';
import type { ProviderRuntimeOptions } from 'electron-updater/out/providers/Provider.js';
// CommonJS modules: default imports, so Node's ESM loader needs no named-export detection.
import providerModule from 'electron-updater/out/providers/Provider.js';
import { feedCheckText } from '../../../shared/i18n/updateText';
import { feedUrls, verifyFeed } from '../../platform/updates/feedCheck';
import { feedMarkPath, readFeedMark, writeFeedMark } from '../../platform/updates/feedMark';
import { loadReleaseKeys } from '../../platform/updates/releaseKeys';
import type { Clock } from '../../../shared/time/clock';

export interface VerifiedFeedOptions {
  provider: 'custom';
  url: string;
  channel: string;
  storeDir: string;
  /** The pinned release keys, inside the app (assets/release-keys). */
  releaseKeysDir: string;
  updateProvider: typeof VerifiedFeedProvider;
  /** Freshness and expiry of the feed are judged against this clock. */
  clock: Clock;
}

/** An update refused by the feed check: the controller records it, Beheer shows the Dutch text. */
export class FeedRefusedError extends Error {
  readonly code = 'ERR_BALIE_FEED_REFUSED';
}

/**
 * electron-updater's provider for our signed feed: it fetches `latest*.yml` and its `.sig` through
 * electron-updater's own HTTP executor (Electron's net stack, so the system proxy applies, as for
 * the download), verifies the exact bytes with the pinned release keys (feedCheck.verifyFeed, the
 * same code as `balie update check`), and only then hands electron-updater the parsed info, whose
 * sha512 it checks on the downloaded installer.
 */
export class VerifiedFeedProvider extends updaterPackage.Provider<ElectronUpdateInfo> {
  private readonly baseUrl: URL;

  constructor(
    private readonly options: VerifiedFeedOptions,
    private readonly updater: AppUpdater,
    runtimeOptions: ProviderRuntimeOptions,
  ) {
    super(runtimeOptions);
    this.baseUrl = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
  }

  async getLatestVersion(): Promise<ElectronUpdateInfo> {
    const urls = feedUrls(this.baseUrl.toString(), this.options.channel, process.platform, process.arch);
    const feedText = await this.httpRequest(new URL(urls.feed));
    const signature = await this.httpRequest(new URL(urls.signature)).catch(
      (error: { statusCode?: number }) => {
        if (error.statusCode === 404) return null;
        throw error;
      },
    );
    const markFile = feedMarkPath(this.options.storeDir);
    const verified = verifyFeed(new TextEncoder().encode(feedText ?? ''), signature, {
      pinnedKeys: loadReleaseKeys(this.options.releaseKeysDir),
      currentVersion: this.updater.currentVersion.version,
      lastAccepted: readFeedMark(markFile),
      now: this.options.clock.now(),
    });
    if (!verified.ok) throw new FeedRefusedError(feedCheckText(verified.reason, verified.version, 'nl'));
    writeFeedMark(markFile, verified.feed);
    return verified.feed.info as unknown as ElectronUpdateInfo;
  }

  resolveFiles(updateInfo: ElectronUpdateInfo) {
    return providerModule.resolveFiles(updateInfo, this.baseUrl);
  }
}
