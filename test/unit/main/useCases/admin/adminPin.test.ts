import { afterEach, describe, expect, it } from 'vitest';
import {
  checkAdminPin,
  hasAdminPin,
  lockSecondsAfter,
  setAdminPin,
} from '../../../../../src/main/useCases/admin/adminPin';
import { readAudit, verifyAudit } from '../../../../../src/main/store/audit/auditLog';
import { openStore } from '../../../../../src/main/store/openStore';
import { getSetting } from '../../../../../src/main/store/settings';
import type { StoreContext } from '../../../../../src/main/store/storeContext';
import { fixedClock } from '../../../../../src/shared/time/clock';
import { testStore } from '../../../../helpers/store';
import type { TestStore } from '../../../../helpers/store';

const PIN = '480517';
const stores: TestStore[] = [];

function store(): TestStore {
  const ctx = testStore();
  stores.push(ctx);
  return ctx;
}

afterEach(() => {
  for (const ctx of stores.splice(0)) if (ctx.db.open) ctx.db.close();
});

function pinActions(ctx: StoreContext): { action: string; details: Record<string, unknown> }[] {
  return readAudit(ctx.db, { limit: 1000 })
    .filter((entry) => entry.action.startsWith('admin_pin'))
    .reverse()
    .map((entry) => ({
      action: entry.action,
      details: JSON.parse(entry.details) as Record<string, unknown>,
    }));
}

function failTimes(ctx: StoreContext, n: number): void {
  for (let i = 0; i < n; i += 1) checkAdminPin(ctx, '000001');
}

describe('admin PIN: setting it', () => {
  it('asks nothing the first time, and afterwards the right PIN opens admin actions', () => {
    const ctx = store();
    expect(hasAdminPin(ctx)).toBe(false);
    expect(checkAdminPin(ctx, PIN)).toEqual({ ok: false, error: 'pin_not_set' });
    expect(setAdminPin(ctx, PIN, null)).toEqual({ ok: true, value: undefined });
    expect(hasAdminPin(ctx)).toBe(true);
    expect(checkAdminPin(ctx, PIN).ok).toBe(true);
    expect(pinActions(ctx)).toEqual([{ action: 'admin_pin_set', details: { changed: false } }]);
  });

  it('stores only a salted scrypt hash, never the PIN itself', () => {
    const a = store();
    const b = store();
    setAdminPin(a, PIN, null);
    setAdminPin(b, PIN, null);
    const stored = getSetting(a.db, 'admin_pin') ?? '';
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(stored).not.toContain(PIN);
    expect(getSetting(b.db, 'admin_pin')).not.toBe(stored);
  });

  it('refuses PINs that are too short, too long, not digits or trivially guessable', () => {
    const ctx = store();
    expect(setAdminPin(ctx, '1234', null)).toEqual({ ok: false, error: 'pin_too_short', minDigits: 6 });
    expect(setAdminPin(ctx, '4805173', null).ok).toBe(true);
    const other = store();
    expect(setAdminPin(other, '1234567890123', null)).toEqual({
      ok: false,
      error: 'pin_too_long',
      maxDigits: 12,
    });
    expect(setAdminPin(other, '48 051 7', null)).toEqual({ ok: false, error: 'pin_not_digits' });
    expect(setAdminPin(other, '４８０５１７', null)).toEqual({ ok: false, error: 'pin_not_digits' });
    for (const simple of ['000000', '777777', '123456', '987654', '890123'])
      expect(setAdminPin(other, simple, null)).toEqual({ ok: false, error: 'pin_too_simple' });
    expect(hasAdminPin(other)).toBe(false);
  });

  it('changing the PIN needs the current one; a wrong current PIN counts as a failed try', () => {
    const ctx = store();
    setAdminPin(ctx, PIN, null);
    expect(setAdminPin(ctx, '246813', null)).toEqual({ ok: false, error: 'pin_current_required' });
    expect(setAdminPin(ctx, '246813', '111112')).toEqual({
      ok: false,
      error: 'pin_wrong',
      triesLeftBeforeLock: 4,
    });
    expect(checkAdminPin(ctx, PIN).ok).toBe(true);
    expect(setAdminPin(ctx, '246813', PIN).ok).toBe(true);
    expect(checkAdminPin(ctx, PIN)).toMatchObject({ ok: false, error: 'pin_wrong' });
    expect(checkAdminPin(ctx, '246813').ok).toBe(true);
    expect(pinActions(ctx).map((a) => a.action)).toEqual([
      'admin_pin_set',
      'admin_pin_failed',
      'admin_pin_set',
      'admin_pin_failed',
    ]);
  });
});

describe('admin PIN: lock-out', () => {
  it('counts down the tries left, then locks for 30 seconds at the fifth wrong PIN', () => {
    const ctx = store();
    setAdminPin(ctx, PIN, null);
    for (const left of [4, 3, 2, 1]) {
      expect(checkAdminPin(ctx, '111112')).toEqual({
        ok: false,
        error: 'pin_wrong',
        triesLeftBeforeLock: left,
      });
    }
    expect(checkAdminPin(ctx, '111112')).toEqual({ ok: false, error: 'pin_locked', retryAfterSeconds: 30 });
  });

  it('refuses even the right PIN while locked, and lets it in once the wait is over', () => {
    const ctx = store();
    setAdminPin(ctx, PIN, null);
    failTimes(ctx, 5);
    ctx.clock.advance(10_000);
    expect(checkAdminPin(ctx, PIN)).toEqual({ ok: false, error: 'pin_locked', retryAfterSeconds: 20 });
    ctx.clock.advance(19_500);
    expect(checkAdminPin(ctx, PIN)).toEqual({ ok: false, error: 'pin_locked', retryAfterSeconds: 1 });
    ctx.clock.advance(500);
    expect(checkAdminPin(ctx, PIN).ok).toBe(true);
  });

  it('waits longer after each further wrong PIN, up to 15 minutes', () => {
    const ctx = store();
    setAdminPin(ctx, PIN, null);
    failTimes(ctx, 4);
    const waits: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const result = checkAdminPin(ctx, '111112');
      if (result.ok || result.error !== 'pin_locked')
        throw new Error(`expected a lock, got ${JSON.stringify(result)}`);
      waits.push(result.retryAfterSeconds);
      ctx.clock.advance(result.retryAfterSeconds * 1000);
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
    expect(lockSecondsAfter(1_000)).toBe(900);
  });

  it('a correct PIN resets the count, so a later typo does not lock', () => {
    const ctx = store();
    setAdminPin(ctx, PIN, null);
    failTimes(ctx, 4);
    expect(checkAdminPin(ctx, PIN).ok).toBe(true);
    expect(checkAdminPin(ctx, '111112')).toEqual({ ok: false, error: 'pin_wrong', triesLeftBeforeLock: 4 });
  });

  it('stays locked after the app restarts', () => {
    const ctx = store();
    setAdminPin(ctx, PIN, null);
    failTimes(ctx, 5);
    ctx.db.close();
    const reopened = openStore(ctx.dbPath);
    if (!reopened.ok) throw new Error(reopened.error);
    const clock = fixedClock(new Date(ctx.clock.now().getTime() + 5_000));
    const restarted: StoreContext = { ...ctx, db: reopened.value, clock };
    expect(checkAdminPin(restarted, PIN)).toEqual({ ok: false, error: 'pin_locked', retryAfterSeconds: 25 });
    clock.advance(25_000);
    expect(checkAdminPin(restarted, PIN).ok).toBe(true);
    reopened.value.close();
  });

  it('putting the PC clock back does not stretch the lock to hours', () => {
    const ctx = store();
    setAdminPin(ctx, PIN, null);
    failTimes(ctx, 5);
    ctx.clock.advance(-3 * 3_600_000);
    expect(checkAdminPin(ctx, PIN)).toEqual({ ok: false, error: 'pin_locked', retryAfterSeconds: 30 });
    ctx.clock.advance(30_000);
    expect(checkAdminPin(ctx, PIN).ok).toBe(true);
  });

  it('writes every wrong try and every lock to the audit log, with counts only', () => {
    const ctx = store();
    setAdminPin(ctx, PIN, null);
    failTimes(ctx, 5);
    checkAdminPin(ctx, PIN); // refused while locked: not checked, not logged
    const failed = pinActions(ctx).filter((a) => a.action === 'admin_pin_failed');
    expect(failed.map((a) => a.details)).toEqual([
      { failuresInRow: 1, locked: false, lockSeconds: 0 },
      { failuresInRow: 2, locked: false, lockSeconds: 0 },
      { failuresInRow: 3, locked: false, lockSeconds: 0 },
      { failuresInRow: 4, locked: false, lockSeconds: 0 },
      { failuresInRow: 5, locked: true, lockSeconds: 30 },
    ]);
    const all = readAudit(ctx.db, { limit: 1000 })
      .map((entry) => entry.details)
      .join('\n');
    expect(all).not.toContain('000001');
    expect(all).not.toContain(PIN);
    expect(verifyAudit(ctx.db).ok).toBe(true);
  });

  it('setting a new PIN while locked is refused too', () => {
    const ctx = store();
    setAdminPin(ctx, PIN, null);
    failTimes(ctx, 5);
    expect(setAdminPin(ctx, '246813', PIN)).toEqual({
      ok: false,
      error: 'pin_locked',
      retryAfterSeconds: 30,
    });
    expect(checkAdminPin(ctx, '246813')).toMatchObject({ error: 'pin_locked' });
  });

  it('refuses to guess when the stored PIN is damaged, rather than let anyone in', () => {
    const ctx = store();
    setAdminPin(ctx, PIN, null);
    ctx.db.prepare(`UPDATE settings SET value = 'plain:480517' WHERE key = 'admin_pin'`).run();
    expect(() => checkAdminPin(ctx, PIN)).toThrow(/damaged/);
  });
});
