import type { UpdateStatusView } from '../../../shared/api/apiTypes';
import type { Clock } from '../../../shared/time/clock';
import type { UpdateInfo } from './updateInfo';
import {
  applyUpdateEvent,
  formatWindow,
  initialUpdateState,
  judgeRelease,
  mayInstallOnQuit,
  nextAction,
  nextCheckAt,
  updatesActive,
} from './updatePolicy';
import type { DeskActivity, UpdateAction, UpdateSettings, UpdateState } from './updatePolicy';

/**
 * What the controller needs from an updater. The shell adapts electron-updater's autoUpdater to
 * this (src/main/adapters/electron/updater.ts); tests use a plain-HTTP implementation against a local server.
 */
export interface UpdaterPort {
  /** Fetch the channel file; null when the server has nothing for this channel. */
  check(): Promise<{ info: UpdateInfo; stagingUserId: string | null; offered?: boolean } | null>;
  /** Download the release found by the last check, verifying its sha512; progress 0..100. */
  download(onProgress: (percent: number) => void): Promise<void>;
  /** Install now and restart the app (only called inside the install hours with the desk idle). */
  installNow(): void;
  /** Whether the downloaded update installs when the app quits. */
  setInstallOnQuit(allowed: boolean): void;
}

/** What Beheer shows; JSON-safe, times as ISO strings. */
export interface UpdateStatus {
  enabled: boolean;
  feedUrl: string | null;
  channel: string;
  currentVersion: string;
  phase: UpdateState['phase'];
  lastCheckAt: string | null;
  lastSuccessfulCheckAt: string | null;
  nextCheckAt: string | null;
  verdict: UpdateState['lastVerdict'];
  availableVersion: string | null;
  stagingPercentage: number | null;
  downloadedVersion: string | null;
  progressPercent: number | null;
  installHours: string | null;
  installOnQuit: boolean;
  lastError: { at: string; during: 'check' | 'download' | 'install'; message: string } | null;
}

export interface UpdateController {
  /** Do whatever is due now (check, download, install); resolves when that step is done. */
  tick(): Promise<UpdateAction>;
  getUpdateStatus(): UpdateStatus;
  /** Re-evaluate install-on-quit (call when desk activity changes). */
  refreshInstallOnQuit(): boolean;
}

export interface UpdateControllerOptions {
  port: UpdaterPort;
  clock: Clock;
  settings: UpdateSettings;
  currentVersion: string;
  activity: () => DeskActivity;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const { port, clock, settings, activity } = options;
  const log = options.log ?? (() => undefined);
  let state = initialUpdateState(options.currentVersion, settings);
  let installOnQuit = false;
  let running: Promise<UpdateAction> | null = null;

  const now = () => clock.now().getTime();
  const apply = (event: Parameters<typeof applyUpdateEvent>[1]) => {
    state = applyUpdateEvent(state, event, now());
    refreshInstallOnQuit();
  };

  function refreshInstallOnQuit(): boolean {
    const allowed = mayInstallOnQuit(state, settings, activity());
    if (allowed !== installOnQuit) {
      installOnQuit = allowed;
      port.setInstallOnQuit(allowed);
    }
    return allowed;
  }

  async function step(): Promise<UpdateAction> {
    const action = nextAction(now(), state, settings, activity());
    switch (action) {
      case 'none':
        refreshInstallOnQuit();
        return action;
      case 'check': {
        apply({ type: 'check_started' });
        try {
          const found = await port.check();
          if (!found) {
            apply({
              type: 'failed',
              during: 'check',
              message: 'Geen update-informatie op de server voor dit kanaal.',
            });
            return action;
          }
          let verdict = judgeRelease(found.info, options.currentVersion, found.stagingUserId);
          // electron-updater has the last word (minimum OS version, its own rollout check).
          if (verdict === 'newer_available' && found.offered === false) verdict = 'not_offered';
          log('info', `update check: ${found.info.version} (${verdict})`);
          apply({ type: 'check_done', info: found.info, verdict });
        } catch (error) {
          log('warn', `update check failed: ${messageOf(error)}`);
          apply({ type: 'failed', during: 'check', message: messageOf(error) });
        }
        return action;
      }
      case 'download': {
        const version = state.available?.version;
        if (!version) return 'none';
        apply({ type: 'download_started' });
        try {
          await port.download((percent) => apply({ type: 'download_progress', percent }));
          log('info', `update ${version} downloaded`);
          apply({ type: 'downloaded', version });
        } catch (error) {
          log('warn', `update download failed: ${messageOf(error)}`);
          apply({ type: 'failed', during: 'download', message: messageOf(error) });
        }
        return action;
      }
      case 'install': {
        apply({ type: 'install_started' });
        try {
          log('info', `installing update ${state.downloadedVersion ?? '?'} inside the install hours`);
          port.installNow();
        } catch (error) {
          apply({ type: 'failed', during: 'install', message: messageOf(error) });
        }
        return action;
      }
    }
  }

  return {
    tick() {
      // One step at a time: a timer firing during a slow download does not start a second one.
      running ??= step().finally(() => {
        running = null;
      });
      return running;
    },
    getUpdateStatus() {
      const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
      const due = nextCheckAt(state, settings);
      return {
        enabled: updatesActive(settings),
        feedUrl: settings.feedUrl,
        channel: settings.channel,
        currentVersion: state.currentVersion,
        phase: state.phase,
        lastCheckAt: iso(state.lastCheckAt),
        lastSuccessfulCheckAt: iso(state.lastSuccessfulCheckAt),
        nextCheckAt: due === null ? null : iso(Math.max(due, state.lastCheckAt ?? 0)),
        verdict: state.lastVerdict,
        availableVersion: state.available?.version ?? null,
        stagingPercentage: state.available?.stagingPercentage ?? null,
        downloadedVersion: state.downloadedVersion,
        progressPercent: state.progressPercent,
        installHours: formatWindow(settings.installWindow),
        installOnQuit,
        lastError: state.lastError
          ? { ...state.lastError, at: new Date(state.lastError.at).toISOString() }
          : null,
      };
    },
    refreshInstallOnQuit,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What Beheer shows of the controller's status (no feed address, no verdict details). */
export function updateStatusView(status: UpdateStatus): UpdateStatusView {
  return {
    enabled: status.enabled,
    channel: status.channel,
    currentVersion: status.currentVersion,
    phase: status.phase,
    lastCheckAt: status.lastCheckAt,
    nextCheckAt: status.nextCheckAt,
    availableVersion: status.availableVersion,
    downloadedVersion: status.downloadedVersion,
    progressPercent: status.progressPercent,
    installHours: status.installHours,
    installOnQuit: status.installOnQuit,
    lastError: status.lastError,
  };
}

/** What Beheer shows when the shell runs no update controller (CLI, web mode, tests). */
export const UPDATES_OFF: UpdateStatusView = {
  enabled: false,
  channel: 'latest',
  currentVersion: '',
  phase: 'disabled',
  lastCheckAt: null,
  nextCheckAt: null,
  availableVersion: null,
  downloadedVersion: null,
  progressPercent: null,
  installHours: null,
  installOnQuit: false,
  lastError: null,
};
