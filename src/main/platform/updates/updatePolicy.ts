import compare from 'semver/functions/compare.js';
import { isWithinRollout } from './updateInfo';
import type { UpdateInfo } from './updateInfo';
import type { InstallWindow } from '../policy/parsePolicy';

/**
 * When to check, download and install an update: pure decisions over (now, state, settings,
 * desk activity). The shell feeds electron-updater's events in and carries the answers out;
 * tests drive it with a fake clock.
 *
 * Rules:
 * - check at start and then every `checkIntervalMs` (sooner, `retryAfterErrorMs`, after a failure);
 * - download in the background as soon as a newer release is found that includes this machine
 *   in its staged rollout;
 * - install only when the app quits, or inside the policy's install hours (Brussels time) when
 *   the desk has been idle for `minIdleMsBeforeInstall`; never while a hand-out or import runs.
 */
export interface UpdateSettings {
  enabled: boolean;
  feedUrl: string | null;
  channel: string;
  checkIntervalMs: number;
  retryAfterErrorMs: number;
  installWindow: InstallWindow | null;
  minIdleMsBeforeInstall: number;
}

export const DEFAULT_UPDATE_SETTINGS: UpdateSettings = {
  enabled: false,
  feedUrl: null,
  channel: 'latest',
  checkIntervalMs: 4 * 60 * 60 * 1000,
  retryAfterErrorMs: 30 * 60 * 1000,
  installWindow: null,
  minIdleMsBeforeInstall: 10 * 60 * 1000,
};

export type UpdatePhase = 'disabled' | 'idle' | 'checking' | 'downloading' | 'downloaded' | 'installing';

/** Why the last check ended as it did: shown in Beheer next to the status. */
export type CheckVerdict =
  'up_to_date' | 'newer_available' | 'outside_rollout' | 'older_on_server' | 'not_offered';

export interface UpdateState {
  phase: UpdatePhase;
  currentVersion: string;
  lastCheckAt: number | null;
  lastSuccessfulCheckAt: number | null;
  lastVerdict: CheckVerdict | null;
  /** The newer release found by the last check (and within the rollout). */
  available: { version: string; releaseDate: string | null; stagingPercentage: number | null } | null;
  downloadedVersion: string | null;
  progressPercent: number | null;
  lastError: { at: number; during: 'check' | 'download' | 'install'; message: string } | null;
}

export function initialUpdateState(currentVersion: string, settings: UpdateSettings): UpdateState {
  return {
    phase: updatesActive(settings) ? 'idle' : 'disabled',
    currentVersion,
    lastCheckAt: null,
    lastSuccessfulCheckAt: null,
    lastVerdict: null,
    available: null,
    downloadedVersion: null,
    progressPercent: null,
    lastError: null,
  };
}

export function updatesActive(settings: UpdateSettings): boolean {
  return settings.enabled && settings.feedUrl !== null;
}

/** What the desk is doing: hand-outs, groups, voids and imports in flight, and time since the last call. */
export interface DeskActivity {
  busy: boolean;
  idleMs: number;
}

export type UpdateAction = 'none' | 'check' | 'download' | 'install';

export function nextCheckAt(state: UpdateState, settings: UpdateSettings): number | null {
  if (!updatesActive(settings)) return null;
  if (state.lastCheckAt === null) return 0;
  const failed = state.lastError?.during === 'check' && state.lastError.at >= state.lastCheckAt;
  return state.lastCheckAt + (failed ? settings.retryAfterErrorMs : settings.checkIntervalMs);
}

export function nextAction(
  now: number,
  state: UpdateState,
  settings: UpdateSettings,
  activity: DeskActivity,
): UpdateAction {
  if (!updatesActive(settings)) return 'none';
  if (state.phase === 'checking' || state.phase === 'downloading' || state.phase === 'installing')
    return 'none';
  if (state.phase === 'downloaded') {
    if (mayInstallNow(now, state, settings, activity)) return 'install';
    // Keep checking while waiting to install: a pulled release must not install on quit.
  } else if (state.available && state.downloadedVersion !== state.available.version) {
    // A failed download is retried on the same schedule as a failed check.
    const failedDownload = state.lastError?.during === 'download' ? state.lastError.at : null;
    if (failedDownload === null || now - failedDownload >= settings.retryAfterErrorMs) return 'download';
  }
  const due = nextCheckAt(state, settings);
  return due !== null && now >= due ? 'check' : 'none';
}

/** Install while running: only inside the install hours, with the desk idle and nothing in flight. */
export function mayInstallNow(
  now: number,
  state: UpdateState,
  settings: UpdateSettings,
  activity: DeskActivity,
): boolean {
  if (state.phase !== 'downloaded' || state.downloadedVersion === null) return false;
  if (activity.busy) return false;
  if (activity.idleMs < settings.minIdleMsBeforeInstall) return false;
  if (settings.installWindow === null) return false;
  if (state.lastError?.during === 'install' && now - state.lastError.at < settings.retryAfterErrorMs)
    return false;
  return insideWindow(brusselsMinuteOfDay(new Date(now)), settings.installWindow);
}

/** Install when the app quits: whenever an update is downloaded, unless something is in flight. */
export function mayInstallOnQuit(
  state: UpdateState,
  settings: UpdateSettings,
  activity: DeskActivity,
): boolean {
  return (
    updatesActive(settings) &&
    state.phase === 'downloaded' &&
    state.downloadedVersion !== null &&
    !activity.busy
  );
}

export function insideWindow(minuteOfDay: number, window: InstallWindow): boolean {
  const { fromMinute: from, toMinute: to } = window;
  if (from === to) return false;
  return from < to ? minuteOfDay >= from && minuteOfDay < to : minuteOfDay >= from || minuteOfDay < to;
}

const hourMinute = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function brusselsMinuteOfDay(instant: Date): number {
  const parts = Object.fromEntries(hourMinute.formatToParts(instant).map((p) => [p.type, p.value]));
  return Number(parts.hour) * 60 + Number(parts.minute);
}

export function formatWindow(window: InstallWindow | null): string | null {
  if (!window) return null;
  const f = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${f(window.fromMinute)}-${f(window.toMinute)}`;
}

/** The verdict on a release found on the server, as electron-updater would reach it (no downgrades). */
export function judgeRelease(
  info: UpdateInfo,
  currentVersion: string,
  stagingUserId: string | null,
): CheckVerdict {
  // semver, as electron-updater compares; it throws on a version it cannot read.
  const order = compare(info.version, currentVersion);
  if (order === 0) return 'up_to_date';
  if (order < 0) return 'older_on_server';
  return isWithinRollout(info.stagingPercentage, stagingUserId) ? 'newer_available' : 'outside_rollout';
}

// ---- state transitions ----

export type UpdateEvent =
  | { type: 'check_started' }
  | { type: 'check_done'; info: UpdateInfo; verdict: CheckVerdict }
  | { type: 'download_started' }
  | { type: 'download_progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'install_started' }
  | { type: 'failed'; during: 'check' | 'download' | 'install'; message: string };

export function applyUpdateEvent(state: UpdateState, event: UpdateEvent, now: number): UpdateState {
  switch (event.type) {
    case 'check_started':
      return { ...state, phase: 'checking', lastCheckAt: now };
    case 'check_done': {
      const newer = event.verdict === 'newer_available';
      const sameAsDownloaded = newer && state.downloadedVersion === event.info.version;
      return {
        ...state,
        phase: sameAsDownloaded ? 'downloaded' : 'idle',
        lastSuccessfulCheckAt: now,
        lastVerdict: event.verdict,
        available: newer
          ? {
              version: event.info.version,
              releaseDate: event.info.releaseDate ?? null,
              stagingPercentage: event.info.stagingPercentage ?? null,
            }
          : null,
        downloadedVersion: newer ? state.downloadedVersion : null,
        lastError: state.lastError?.during === 'check' ? null : state.lastError,
      };
    }
    case 'download_started':
      return { ...state, phase: 'downloading', progressPercent: 0 };
    case 'download_progress':
      return { ...state, progressPercent: Math.max(0, Math.min(100, Math.round(event.percent))) };
    case 'downloaded':
      return {
        ...state,
        phase: 'downloaded',
        downloadedVersion: event.version,
        progressPercent: 100,
        lastError: state.lastError?.during === 'download' ? null : state.lastError,
      };
    case 'install_started':
      return { ...state, phase: 'installing' };
    case 'failed':
      return {
        ...state,
        phase: state.downloadedVersion !== null && event.during !== 'download' ? 'downloaded' : 'idle',
        progressPercent: event.during === 'download' ? null : state.progressPercent,
        lastError: { at: now, during: event.during, message: event.message.slice(0, 500) },
      };
  }
}
