import { describe, expect, it } from 'vitest';
import {
  PAIRING_CODE_LIFETIME_MS,
  makePairingCode,
  pairingWindow,
} from '../../../../../src/main/platform/lan/pairingWindow';
import { fixedClock } from '../../../../../src/shared/time/clock';

describe('the pairing code', () => {
  it('is written NNN-NNN, six digits', () => {
    for (let i = 0; i < 200; i += 1) expect(makePairingCode()).toMatch(/^\d{3}-\d{3}$/);
  });

  it('lives ten minutes on the clock: open one millisecond before, closed at the end', () => {
    const clock = fixedClock('2027-03-01T09:00:00Z');
    const window = pairingWindow(clock);
    expect(window.begin()).toEqual({ ok: false, error: 'no_code' });
    const { expiresAt } = window.newCode();
    expect(expiresAt.toISOString()).toBe('2027-03-01T09:10:00.000Z');
    clock.advance(PAIRING_CODE_LIFETIME_MS - 1);
    expect(window.isOpen()).toBe(true);
    clock.advance(1);
    expect(window.begin()).toEqual({ ok: false, error: 'code_expired' });
  });

  it('counts every attempt that did not prove the code, unfinished ones too, and gives a proven one back', () => {
    const window = pairingWindow(fixedClock('2027-03-01T09:00:00Z'));
    window.newCode();
    const proven = window.begin();
    if (proven.ok) proven.value.succeeded();
    for (let i = 0; i < 4; i += 1) {
      const attempt = window.begin();
      if (attempt.ok) attempt.value.failed();
    }
    expect(window.begin().ok).toBe(true); // fifth counted attempt, left unfinished
    expect(window.begin()).toEqual({ ok: false, error: 'too_many_attempts' });
    window.newCode();
    expect(window.begin().ok).toBe(true);
  });
});
