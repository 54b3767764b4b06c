import { randomInt } from 'node:crypto';
import { fail, ok } from '../../../shared/result';
import type { Failure, Result } from '../../../shared/result';
import type { Clock } from '../../../shared/time/clock';

/**
 * The host's pairing code `NNN-NNN`: valid 10 minutes, at most 5 attempts that did not prove the
 * code, then dead. Asking a new code kills the old one. An attempt is reserved when a PAKE run
 * starts (so parallel runs cannot exceed the cap) and handed back only when the code was proven.
 */
export const PAIRING_CODE_LIFETIME_MS = 10 * 60 * 1000;
export const PAIRING_MAX_WRONG = 5;

export type PairingRefusal = Failure<'no_code'> | Failure<'code_expired'> | Failure<'too_many_attempts'>;

export interface PairingAttempt {
  code: string;
  /** The code was proven: the reserved attempt is given back and the code stays usable until expiry. */
  succeeded(): void;
  /** The peer's confirmation did not match: the attempt stays counted. */
  failed(): void;
}

export interface PairingWindow {
  /** A fresh code; the previous one dies. */
  newCode(): { code: string; expiresAt: Date };
  isOpen(): boolean;
  begin(): Result<PairingAttempt, PairingRefusal>;
  close(): void;
}

export function makePairingCode(): string {
  const digits = String(randomInt(0, 1_000_000)).padStart(6, '0');
  return `${digits.slice(0, 3)}-${digits.slice(3)}`;
}

export function pairingWindow(clock: Clock): PairingWindow {
  let current: { code: string; expiresAt: number; used: number } | null = null;
  const refusal = (): PairingRefusal | null => {
    if (current === null) return fail('no_code');
    if (clock.now().getTime() >= current.expiresAt) return fail('code_expired');
    if (current.used >= PAIRING_MAX_WRONG) return fail('too_many_attempts');
    return null;
  };
  return {
    newCode() {
      const code = makePairingCode();
      const expiresAt = clock.now().getTime() + PAIRING_CODE_LIFETIME_MS;
      current = { code, expiresAt, used: 0 };
      return { code, expiresAt: new Date(expiresAt) };
    },
    isOpen: () => refusal() === null,
    begin() {
      const refused = refusal();
      if (refused !== null || current === null) return refused ?? fail('no_code');
      const window = current;
      window.used += 1;
      let settled = false;
      return ok({
        code: window.code,
        succeeded() {
          if (settled) return;
          settled = true;
          window.used -= 1;
        },
        failed() {
          settled = true;
        },
      });
    },
    close() {
      current = null;
    },
  };
}
