import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../../src/shared/time/clock';
import type { ApiHandlers } from '../../../../../src/shared/api/contract';
import { API_METHODS } from '../../../../../src/shared/api/contract';
import { createActivityTracker } from '../../../../../src/main/platform/updates/deskActivity';
import { isWithinRollout, stagingFraction } from '../../../../../src/main/platform/updates/updateInfo';
import type { UpdateInfo } from '../../../../../src/main/platform/updates/updateInfo';
import {
  DEFAULT_UPDATE_SETTINGS,
  applyUpdateEvent,
  brusselsMinuteOfDay,
  initialUpdateState,
  insideWindow,
  judgeRelease,
  mayInstallOnQuit,
  mayInstallNow,
  nextAction,
} from '../../../../../src/main/platform/updates/updatePolicy';
import type { UpdateSettings, UpdateState } from '../../../../../src/main/platform/updates/updatePolicy';

const H = 3_600_000;
const settings: UpdateSettings = {
  ...DEFAULT_UPDATE_SETTINGS,
  enabled: true,
  feedUrl: 'https://updates.example.be/balie/',
  installWindow: { fromMinute: 22 * 60, toMinute: 6 * 60 },
};
const idle = { busy: false, idleMs: 60 * 60_000 };
const SHA = `${'A'.repeat(86)}==`;
const info = (version: string, stagingPercentage?: number): UpdateInfo => ({
  version,
  files: [{ url: `Setup-${version}.exe`, sha512: SHA, size: 10 }],
  ...(stagingPercentage === undefined ? {} : { stagingPercentage }),
});
// Bytes 12..15 of the staging UUID decide the place in the rollout.
const LOW_ID = '12345678-1234-4234-8234-000000000001'; // fraction ≈ 0
const HIGH_ID = '12345678-1234-4234-8234-1234ffffffff'; // fraction ≈ 1
const MID_ID = '12345678-1234-4234-8234-12347fffffff'; // fraction ≈ 0.5

function downloaded(version = '1.5.0'): UpdateState {
  let s = initialUpdateState('1.4.0', settings);
  s = applyUpdateEvent(s, { type: 'check_started' }, 0);
  s = applyUpdateEvent(s, { type: 'check_done', info: info(version), verdict: 'newer_available' }, 0);
  s = applyUpdateEvent(s, { type: 'download_started' }, 0);
  return applyUpdateEvent(s, { type: 'downloaded', version }, 0);
}

describe('when to check', () => {
  it('checks at start, then every interval, sooner after a failure', () => {
    const clock = fixedClock('2027-01-05T09:00:00Z');
    const t = () => clock.now().getTime();
    let s = initialUpdateState('1.4.0', settings);
    expect(nextAction(t(), s, settings, idle)).toBe('check');
    s = applyUpdateEvent(s, { type: 'check_started' }, t());
    expect(nextAction(t(), s, settings, idle)).toBe('none');
    s = applyUpdateEvent(s, { type: 'check_done', info: info('1.4.0'), verdict: 'up_to_date' }, t());
    clock.advance(4 * H - 1);
    expect(nextAction(t(), s, settings, idle)).toBe('none');
    clock.advance(1);
    expect(nextAction(t(), s, settings, idle)).toBe('check');
    s = applyUpdateEvent(s, { type: 'check_started' }, t());
    s = applyUpdateEvent(s, { type: 'failed', during: 'check', message: 'ECONNREFUSED' }, t());
    expect(s.lastError).toMatchObject({ during: 'check', message: 'ECONNREFUSED' });
    clock.advance(30 * 60_000);
    expect(nextAction(t(), s, settings, idle)).toBe('check');
  });

  it('does nothing when updates are off or have no server', () => {
    const off = { ...settings, enabled: false };
    expect(initialUpdateState('1.0.0', off).phase).toBe('disabled');
    expect(nextAction(0, initialUpdateState('1.0.0', off), off, idle)).toBe('none');
    const noUrl = { ...settings, feedUrl: null };
    expect(nextAction(0, initialUpdateState('1.0.0', noUrl), noUrl, idle)).toBe('none');
  });
});

describe('what to download', () => {
  it('downloads a newer release in the background, retrying a failed download after a pause', () => {
    let s = initialUpdateState('1.4.0', settings);
    s = applyUpdateEvent(s, { type: 'check_started' }, 0);
    s = applyUpdateEvent(s, { type: 'check_done', info: info('1.5.0'), verdict: 'newer_available' }, 0);
    expect(nextAction(0, s, settings, { busy: true, idleMs: 0 })).toBe('download');
    s = applyUpdateEvent(s, { type: 'download_started' }, 0);
    expect(nextAction(0, s, settings, idle)).toBe('none');
    s = applyUpdateEvent(
      s,
      { type: 'failed', during: 'download', message: 'sha512 checksum mismatch' },
      1000,
    );
    expect(s.phase).toBe('idle');
    expect(nextAction(2000, s, settings, idle)).toBe('none');
    expect(nextAction(1000 + 30 * 60_000, s, settings, idle)).toBe('download');
  });

  it('judges releases like electron-updater: no downgrades, staged rollout honoured', () => {
    expect(judgeRelease(info('1.4.0'), '1.4.0', null)).toBe('up_to_date');
    expect(judgeRelease(info('1.3.9'), '1.4.0', null)).toBe('older_on_server');
    expect(judgeRelease(info('1.5.0'), '1.4.0', null)).toBe('newer_available');
    expect(judgeRelease(info('1.5.0', 25), '1.4.0', LOW_ID)).toBe('newer_available');
    expect(judgeRelease(info('1.5.0', 25), '1.4.0', HIGH_ID)).toBe('outside_rollout');
    expect(judgeRelease(info('1.5.0', 25), '1.4.0', null)).toBe('outside_rollout');
    expect(judgeRelease(info('1.5.0', 100), '1.4.0', HIGH_ID)).toBe('outside_rollout');
    expect(judgeRelease(info('1.5.0', 0), '1.4.0', LOW_ID)).toBe('outside_rollout');
    expect(judgeRelease(info('2.0.0-beta.1'), '1.9.0', null)).toBe('newer_available');
  });

  it('computes the rollout place as electron-updater does (bytes 12..15 of the staging id)', () => {
    expect(stagingFraction(MID_ID)).toBeCloseTo(0.5, 6);
    expect(stagingFraction('not-a-uuid')).toBeNull();
    expect(isWithinRollout(undefined, null)).toBe(true);
    expect(isWithinRollout(51, MID_ID)).toBe(true);
    expect(isWithinRollout(49, MID_ID)).toBe(false);
    // Raising the percentage only ever adds machines.
    const ids = Array.from(
      { length: 200 },
      (_, i) => `00000000-0000-4000-8000-${(i * 21_474_836).toString(16).padStart(12, '0')}`,
    );
    let previous = 0;
    for (const pct of [0, 10, 25, 50, 100]) {
      const n = ids.filter((id) => isWithinRollout(pct, id)).length;
      expect(n).toBeGreaterThanOrEqual(previous);
      previous = n;
    }
    expect(previous).toBe(ids.length);
  });

  it('orders releases by semver precedence, as electron-updater does', () => {
    expect(judgeRelease(info('1.10.0'), '1.9.9', null)).toBe('newer_available');
    expect(judgeRelease(info('1.0.0-beta.2'), '1.0.0-beta.10', null)).toBe('older_on_server');
    expect(judgeRelease(info('1.0.0-beta'), '1.0.0', null)).toBe('older_on_server');
    expect(judgeRelease(info('1.0.0+build.5'), '1.0.0', null)).toBe('up_to_date');
    expect(judgeRelease(info('1.0.0-alpha'), '1.0.0-1', null)).toBe('newer_available');
    expect(judgeRelease(info('v1.4.0'), '1.4.0', null)).toBe('up_to_date');
  });

  it('refuses to judge a version semver cannot read instead of guessing an order', () => {
    expect(() => judgeRelease(info('1.0'), '1.0.0', null)).toThrow();
    // The hand-written comparer took "01" for a number and called 1.5.0-01 newer than 1.5.0-1.
    expect(() => judgeRelease(info('1.5.0-01'), '1.5.0-1', null)).toThrow();
  });
});

describe('when to install', () => {
  // 2027-01-05 is winter: Brussels = UTC+1. 23:30 Brussels = 22:30Z; 10:00 Brussels = 09:00Z.
  const night = Date.parse('2027-01-05T22:30:00Z');
  const day = Date.parse('2027-01-05T09:00:00Z');

  it('installs while running only inside the install hours, idle, with nothing in flight', () => {
    const s = downloaded();
    expect(nextAction(night, s, settings, idle)).toBe('install');
    expect(mayInstallNow(day, s, settings, idle)).toBe(false);
    expect(nextAction(day, s, settings, idle)).not.toBe('install');
    expect(nextAction(night, s, settings, { busy: true, idleMs: 60 * 60_000 })).not.toBe('install');
    expect(nextAction(night, s, settings, { busy: false, idleMs: 60_000 })).not.toBe('install');
    expect(nextAction(night, s, { ...settings, installWindow: null }, idle)).not.toBe('install');
  });

  it('uses Brussels time whatever the machine zone, across daylight saving', () => {
    expect(brusselsMinuteOfDay(new Date('2027-01-05T22:30:00Z'))).toBe(23 * 60 + 30);
    expect(brusselsMinuteOfDay(new Date('2027-07-05T22:30:00Z'))).toBe(30);
    expect(insideWindow(23 * 60, { fromMinute: 22 * 60, toMinute: 6 * 60 })).toBe(true);
    expect(insideWindow(5 * 60 + 59, { fromMinute: 22 * 60, toMinute: 6 * 60 })).toBe(true);
    expect(insideWindow(6 * 60, { fromMinute: 22 * 60, toMinute: 6 * 60 })).toBe(false);
    expect(insideWindow(12 * 60, { fromMinute: 12 * 60, toMinute: 13 * 60 })).toBe(true);
    expect(insideWindow(13 * 60, { fromMinute: 12 * 60, toMinute: 13 * 60 })).toBe(false);
  });

  it('installs on quit when downloaded, unless a hand-out or import is in flight', () => {
    const s = downloaded();
    expect(mayInstallOnQuit(s, settings, idle)).toBe(true);
    expect(mayInstallOnQuit(s, settings, { busy: true, idleMs: 0 })).toBe(false);
    expect(mayInstallOnQuit(initialUpdateState('1.4.0', settings), settings, idle)).toBe(false);
    expect(mayInstallOnQuit(s, { ...settings, enabled: false }, idle)).toBe(false);
  });

  it('does not retry a failed install at once, and keeps the downloaded update', () => {
    let s = downloaded();
    s = applyUpdateEvent(s, { type: 'install_started' }, night);
    s = applyUpdateEvent(s, { type: 'failed', during: 'install', message: 'installer exited 2' }, night);
    expect(s.phase).toBe('downloaded');
    expect(mayInstallNow(night + 60_000, s, settings, idle)).toBe(false);
    expect(mayInstallNow(night + 31 * 60_000, s, settings, idle)).toBe(true);
  });

  it('keeps checking on schedule while a downloaded update waits', () => {
    const s = downloaded();
    expect(nextAction(day, s, settings, idle)).toBe('check');
    const checked = applyUpdateEvent(
      applyUpdateEvent(s, { type: 'check_started' }, day),
      { type: 'check_done', info: info('1.5.0'), verdict: 'newer_available' },
      day,
    );
    expect(nextAction(day + 60_000, checked, settings, idle)).toBe('none');
    expect(nextAction(day + 4 * H, checked, settings, idle)).toBe('check');
  });

  it('a later check that finds the same version keeps it downloaded; a pulled release drops it', () => {
    let s = downloaded('1.5.0');
    s = applyUpdateEvent(s, { type: 'check_started' }, 1);
    s = applyUpdateEvent(s, { type: 'check_done', info: info('1.5.0'), verdict: 'newer_available' }, 1);
    expect(s).toMatchObject({ phase: 'downloaded', downloadedVersion: '1.5.0' });
    s = applyUpdateEvent(s, { type: 'check_started' }, 2);
    s = applyUpdateEvent(s, { type: 'check_done', info: info('1.4.0'), verdict: 'up_to_date' }, 2);
    expect(s).toMatchObject({ phase: 'idle', downloadedVersion: null, available: null });
    expect(mayInstallOnQuit(s, settings, idle)).toBe(false);
  });
});

describe('desk activity', () => {
  it('is busy while a writing call runs and measures idle time from the last call', async () => {
    const clock = fixedClock('2027-01-05T09:00:00Z');
    const tracker = createActivityTracker(clock);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const handlers = Object.fromEntries(
      API_METHODS.map((m) => [
        m,
        async () => {
          if (m === 'importPackage') await gate;
          return { ok: true, value: m };
        },
      ]),
    ) as unknown as ApiHandlers;
    const changes: boolean[] = [];
    tracker.onChange(() => changes.push(tracker.activity().busy));
    const wrapped = tracker.wrap(handlers);
    clock.advance(20 * 60_000);
    expect(tracker.activity()).toEqual({ busy: false, idleMs: 20 * 60_000 });
    await wrapped.search({});
    expect(tracker.activity().idleMs).toBe(0);
    const running = wrapped.importPackage({});
    expect(tracker.activity().busy).toBe(true);
    clock.advance(5000);
    release();
    expect(await running).toEqual({ ok: true, value: 'importPackage' });
    expect(tracker.activity()).toEqual({ busy: false, idleMs: 0 });
    expect(changes).toEqual([true, false]);
  });
});
