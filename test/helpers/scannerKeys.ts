import type { Page } from '@playwright/test';

export interface ScannerKey {
  key: string;
  code: string;
  text: string;
  keyCode: number;
}

export interface ScanTiming {
  /** What the scanner sends after the code (factory default: Enter). */
  suffix?: 'enter' | 'tab' | 'none';
  /** A wireless scanner's pause: `ms` of nothing after the first `afterKeys` keys. */
  pause?: { afterKeys: number; ms: number };
}

const SUFFIX_KEYS: Record<'enter' | 'tab', ScannerKey> = {
  enter: { key: 'Enter', code: 'Enter', text: '\r', keyCode: 13 },
  tab: { key: 'Tab', code: 'Tab', text: '', keyCode: 9 },
};

/**
 * A USB scanner in keyboard mode: real key presses (they type into the focused field) 7 ms apart,
 * then Enter (or Tab, or nothing). Sent over CDP with explicit event times: `page.keyboard` waits
 * for each round trip, which on a busy test machine alone exceeds a scanner's gaps and makes the
 * timing a lottery. The keys carry `code` as well as `key`, so an AZERTY computer can be simulated
 * too, and a pause mid-burst is a gap in the event times, not a sleep.
 */
export async function scanKeys(page: Page, keys: ScannerKey[], timing: ScanTiming = {}) {
  const cdp = await page.context().newCDPSession(page);
  const suffix = timing.suffix ?? 'enter';
  const all = suffix === 'none' ? keys : [...keys, SUFFIX_KEYS[suffix]];
  const GAP_S = 0.007;
  const pauseS = (timing.pause?.ms ?? 0) / 1000;
  const timeOf = (i: number) => i * GAP_S + (timing.pause && i >= timing.pause.afterKeys ? pauseS : 0);
  const start = Date.now() / 1000 - timeOf(all.length);
  // Sent back to back without waiting for each answer: the browser gets the whole burst at once
  // and replays it with these times, as it would from a real scanner.
  const sent: Promise<unknown>[] = [];
  for (const [i, k] of all.entries()) {
    const common = {
      key: k.key,
      code: k.code,
      windowsVirtualKeyCode: k.keyCode,
      nativeVirtualKeyCode: k.keyCode,
      timestamp: start + timeOf(i),
    };
    sent.push(
      cdp.send('Input.dispatchKeyEvent', {
        type: 'keyDown',
        text: k.text,
        unmodifiedText: k.text,
        ...common,
      }),
    );
    sent.push(
      cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common, timestamp: common.timestamp + 0.002 }),
    );
  }
  await Promise.all(sent);
  await cdp.detach();
}

const digitKey = (d: string, key: string): ScannerKey => ({
  key,
  code: `Digit${d}`,
  text: key,
  keyCode: 48 + Number(d),
});

/** A scanner on a QWERTY desk: digits are digits. */
export function scanQwerty(page: Page, text: string, timing?: ScanTiming) {
  return scanKeys(
    page,
    [...text].map((ch) =>
      /\d/.test(ch)
        ? digitKey(ch, ch)
        : {
            key: ch,
            code: /[a-z]/i.test(ch) ? `Key${ch.toUpperCase()}` : 'Minus',
            text: ch,
            keyCode: ch.toUpperCase().charCodeAt(0),
          },
    ),
    timing,
  );
}

/** A US-configured scanner on a Belgian AZERTY computer: Digit1… arrive as '&', 'é', '"', … */
export function scanAzerty(page: Page, digits: string, timing?: ScanTiming) {
  return scanKeys(page, azertyKeys(digits), timing);
}

/** What a US-configured scanner's digits type on a Belgian AZERTY computer, as key presses. */
export function azertyKeys(digits: string): ScannerKey[] {
  const row = '&é"\'(§è!çà';
  return [...digits].map((d) => digitKey(d, row[d === '0' ? 9 : Number(d) - 1] ?? ''));
}
