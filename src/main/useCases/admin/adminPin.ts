import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { fail, ok } from '../../../shared/result';
import type { Failure, Result } from '../../../shared/result';
import { appendAudit } from '../../store/audit/auditLog';
import { getSetting, setSetting } from '../../store/settings';
import type { StoreContext } from '../../store/storeContext';

/**
 * The admin PIN guards the rare, risky actions (import, late void, settings, purge, key rotation).
 *
 * Length: 6 to 12 digits. Four digits (10,000 PINs) is too few for a code that sits on a shared
 * desk PC: with the lock-out below an online guesser gets roughly 100 tries a day, and a copy
 * of the database can be tried offline at scrypt speed (~75 ms per guess here: 10^4 PINs fall in
 * minutes, 10^6 take about a day of one core). Six digits is what staff can still type from
 * memory; twelve is the upper bound so a PIN never turns into a password.
 *
 * Hashing: scrypt N=2^15, r=8, p=1 (32 MiB, ~50–80 ms), a fresh random 16-byte salt per PIN,
 * stored with its parameters in one setting: `scrypt$32768$8$1$<salt b64>$<hash b64>`, so the
 * parameters can be raised later without breaking stored PINs. Compared with timingSafeEqual.
 *
 * Synchronous on purpose: the check runs inside an IMMEDIATE transaction, so two windows or a
 * CLI and the app cannot both read "4 failures" and each get a fifth try; the counter, the lock
 * and the audit entry commit together. An admin action blocks the main process for ~75 ms,
 * which nobody at the desk notices.
 *
 * Lock-out: after MAX_TRIES wrong PINs in a row the PIN is refused for 30 s; once that lock
 * has passed, every further wrong PIN (still in a row) locks again for twice as long, capped at
 * 15 minutes (30, 60, 120, 240, 480, 900, 900 … s). A correct PIN, or setting a new one, resets.
 * While locked even the correct PIN is refused, and the PIN is not hashed at all (no CPU spent,
 * no try counted, no audit entry, so hammering the button cannot flood the audit log). The
 * state lives in settings, so restarting the app does not reset it. Time comes from ctx.clock;
 * if the clock is put back before the moment of the lock, the lock restarts from "now" instead
 * of lasting until the clock catches up.
 */

export const ADMIN_PIN_MIN_DIGITS = 6;
export const ADMIN_PIN_MAX_DIGITS = 12;
/** Wrong PINs in a row before the first lock. */
export const ADMIN_PIN_MAX_TRIES = 5;
export const ADMIN_PIN_FIRST_LOCK_SECONDS = 30;
export const ADMIN_PIN_MAX_LOCK_SECONDS = 15 * 60;

const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const HASH_BYTES = 32;
/** Node's default maxmem (32 MiB) is exactly 128·N·r and refuses N=2^15, r=8; allow headroom. */
const SCRYPT_MAXMEM = 64 * 1024 * 1024;
/** A stored value may not ask for more than this (a tampered N must not freeze the desk). */
const MAX_STORED_N = 2 ** 20;

export type CheckAdminPinFailure =
  | Failure<'pin_not_set'>
  | Failure<'pin_wrong', { triesLeftBeforeLock: number }>
  | Failure<'pin_locked', { retryAfterSeconds: number }>;

export type SetAdminPinFailure =
  | Failure<'pin_not_digits'>
  | Failure<'pin_too_short', { minDigits: number }>
  | Failure<'pin_too_long', { maxDigits: number }>
  /** All the same digit, or a straight run such as 123456 or 987654. */
  | Failure<'pin_too_simple'>
  /** A PIN is set already: changing it needs the current one. */
  | Failure<'pin_current_required'>
  | Failure<'pin_wrong', { triesLeftBeforeLock: number }>
  | Failure<'pin_locked', { retryAfterSeconds: number }>;

/** Is an admin PIN set? (The settings screen shows "set PIN" or "change PIN".) */
export function hasAdminPin(ctx: StoreContext): boolean {
  return getSetting(ctx.db, 'admin_pin') !== null;
}

/**
 * Sets the admin PIN. The first time no current PIN is needed; to change it, the current PIN
 * is checked exactly like checkAdminPin (a wrong one counts towards the lock-out).
 */
export function setAdminPin(
  ctx: StoreContext,
  newPin: string,
  currentPin: string | null,
): Result<void, SetAdminPinFailure> {
  const shape = checkPinShape(newPin);
  if (!shape.ok) return shape;
  const { db, clock } = ctx;
  return db
    .transaction((): Result<void, SetAdminPinFailure> => {
      const changing = getSetting(db, 'admin_pin') !== null;
      if (changing) {
        if (currentPin === null) return fail('pin_current_required');
        const checked = checkInTransaction(ctx, currentPin);
        if (!checked.ok) {
          // pin_not_set cannot happen here: the PIN was just read inside the same transaction.
          if (checked.error === 'pin_not_set') throw new Error('admin PIN vanished inside a transaction');
          return checked;
        }
      }
      setSetting(db, 'admin_pin', hashPin(newPin));
      writeLockState(db, NO_FAILURES);
      appendAudit(db, clock, 'admin_pin_set', { changed: changing });
      return ok(undefined);
    })
    .immediate();
}

/**
 * Proof that the admin PIN was checked a moment ago. Only checkAdminPin makes one, so a use case
 * that takes an AdminGrant cannot be called without the check: the boundary (the API's PIN gate,
 * a CLI command) checks, the use case holds the rule.
 */
export type AdminGrant = { readonly checkedAt: string } & { readonly __brand: 'AdminGrant' };

/**
 * Several desks: an admin action the host's admin already ordered with the PIN (the retention
 * purge), carried out on a paired desk because the host asked (useCases/point). Not for screens.
 */
export function grantOrderedByHost(ctx: StoreContext): AdminGrant {
  return { checkedAt: ctx.clock.now().toISOString() } as AdminGrant;
}

/** Checks the admin PIN before an admin action; see the header for the lock-out rules. */
export function checkAdminPin(ctx: StoreContext, pin: string): Result<AdminGrant, CheckAdminPinFailure> {
  const checked = ctx.db.transaction(() => checkInTransaction(ctx, pin)).immediate();
  if (!checked.ok) return checked;
  return ok({ checkedAt: ctx.clock.now().toISOString() } as AdminGrant);
}

function checkInTransaction(ctx: StoreContext, pin: string): Result<void, CheckAdminPinFailure> {
  const { db, clock } = ctx;
  const stored = getSetting(db, 'admin_pin');
  if (stored === null) return fail('pin_not_set');

  const nowMs = clock.now().getTime();
  const state = readLockState(db);
  if (state.lockedAtMs !== null) {
    let lockedAtMs = state.lockedAtMs;
    if (nowMs < lockedAtMs) {
      // The clock was put back: restart the lock from now rather than lock until it catches up.
      lockedAtMs = nowMs;
      writeLockState(db, { ...state, lockedAtMs });
    }
    const remainingMs = lockedAtMs + state.lockSeconds * 1000 - nowMs;
    if (remainingMs > 0) return fail('pin_locked', { retryAfterSeconds: Math.ceil(remainingMs / 1000) });
  }

  if (verifyPin(pin, stored)) {
    if (state.failures !== 0 || state.lockedAtMs !== null) writeLockState(db, NO_FAILURES);
    return ok(undefined);
  }

  const failures = state.failures + 1;
  if (failures < ADMIN_PIN_MAX_TRIES) {
    writeLockState(db, { failures, lockedAtMs: null, lockSeconds: 0 });
    appendAudit(db, clock, 'admin_pin_failed', { failuresInRow: failures, locked: false, lockSeconds: 0 });
    return fail('pin_wrong', { triesLeftBeforeLock: ADMIN_PIN_MAX_TRIES - failures });
  }
  const lockSeconds = lockSecondsAfter(failures);
  writeLockState(db, { failures, lockedAtMs: nowMs, lockSeconds });
  appendAudit(db, clock, 'admin_pin_failed', { failuresInRow: failures, locked: true, lockSeconds });
  return fail('pin_locked', { retryAfterSeconds: lockSeconds });
}

/** 30 s at the 5th wrong PIN in a row, doubling with each further one, at most 15 minutes. */
export function lockSecondsAfter(failuresInRow: number): number {
  if (failuresInRow < ADMIN_PIN_MAX_TRIES) return 0;
  const doublings = Math.min(failuresInRow - ADMIN_PIN_MAX_TRIES, 10);
  return Math.min(ADMIN_PIN_FIRST_LOCK_SECONDS * 2 ** doublings, ADMIN_PIN_MAX_LOCK_SECONDS);
}

// ---- PIN shape ---------------------------------------------------------------------------

function checkPinShape(pin: string): Result<void, SetAdminPinFailure> {
  if (!/^\d*$/.test(pin)) return fail('pin_not_digits');
  if (pin.length < ADMIN_PIN_MIN_DIGITS) return fail('pin_too_short', { minDigits: ADMIN_PIN_MIN_DIGITS });
  if (pin.length > ADMIN_PIN_MAX_DIGITS) return fail('pin_too_long', { maxDigits: ADMIN_PIN_MAX_DIGITS });
  if (isTooSimple(pin)) return fail('pin_too_simple');
  return ok(undefined);
}

/** 000000, 111111 …, and straight runs up or down (123456, 987654, 890123 wraps too). */
function isTooSimple(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - (digits[i] ?? 0) + 10) % 10));
  return steps.size === 1 && (steps.has(0) || steps.has(1) || steps.has(9));
}

// ---- hashing -----------------------------------------------------------------------------

function hashPin(pin: string): string {
  const salt = randomBytes(SALT_BYTES);
  const hash = scryptSync(pin, salt, HASH_BYTES, { ...SCRYPT, maxmem: SCRYPT_MAXMEM });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

function verifyPin(pin: string, stored: string): boolean {
  const parts = stored.split('$');
  const [scheme, nText, rText, pText, saltB64, hashB64] = parts;
  const N = Number(nText);
  const r = Number(rText);
  const p = Number(pText);
  if (
    parts.length !== 6 ||
    scheme !== 'scrypt' ||
    saltB64 === undefined ||
    hashB64 === undefined ||
    !Number.isSafeInteger(N) ||
    !Number.isSafeInteger(r) ||
    !Number.isSafeInteger(p) ||
    N < 2 ||
    N > MAX_STORED_N ||
    r < 1 ||
    r > 32 ||
    p < 1 ||
    p > 16
  ) {
    // Not a user mistake: the settings row is damaged. Refuse loudly rather than let anyone in.
    throw new Error('admin_pin setting is damaged: cannot verify the admin PIN');
  }
  const salt = Buffer.from(saltB64, 'base64');
  const expected = Buffer.from(hashB64, 'base64');
  if (expected.length < 16) throw new Error('admin_pin setting is damaged: hash too short');
  const actual = scryptSync(pin, salt, expected.length, {
    N,
    r,
    p,
    maxmem: Math.max(SCRYPT_MAXMEM, 256 * N * r),
  });
  return timingSafeEqual(actual, expected);
}

// ---- persisted lock-out state --------------------------------------------------------------

interface LockState {
  /** Wrong PINs in a row since the last correct one. */
  failures: number;
  /** When the current lock began (ms since epoch, from ctx.clock), or null. */
  lockedAtMs: number | null;
  lockSeconds: number;
}

const NO_FAILURES: LockState = { failures: 0, lockedAtMs: null, lockSeconds: 0 };

function readLockState(db: Database): LockState {
  const raw = getSetting(db, 'admin_pin_lockout');
  if (raw === null) return NO_FAILURES;
  try {
    const parsed = JSON.parse(raw) as Partial<Record<keyof LockState, unknown>>;
    const failures =
      typeof parsed.failures === 'number' && parsed.failures >= 0 ? Math.floor(parsed.failures) : 0;
    const lockedAtMs = typeof parsed.lockedAtMs === 'number' ? parsed.lockedAtMs : null;
    const lockSeconds =
      typeof parsed.lockSeconds === 'number'
        ? Math.min(Math.max(parsed.lockSeconds, 0), ADMIN_PIN_MAX_LOCK_SECONDS)
        : lockSecondsAfter(failures);
    return { failures, lockedAtMs, lockSeconds };
  } catch {
    // Unreadable state: treat it as at the threshold, so the next wrong PIN locks at once.
    return { failures: ADMIN_PIN_MAX_TRIES - 1, lockedAtMs: null, lockSeconds: 0 };
  }
}

function writeLockState(db: Database, state: LockState): void {
  setSetting(db, 'admin_pin_lockout', JSON.stringify(state));
}
