import { describe, expect, it } from 'vitest';
import {
  type KeyVerdict,
  type ScanBurst,
  type ScanKeyEvent,
  createScanBurstDetector,
} from '../../../../src/renderer/scan/scanBurstDetector';
import {
  ENTER,
  type Press,
  TAB,
  azertyDigits,
  qwertyDigits,
  qwertyText,
  timed,
  usScannerOnAzerty,
} from '../../../helpers/scanKeys';

const CARD = '270000000154';
const LOOKUP_URL = 'https://www.lerarenkaart.be/afhalen?kaart=270000000255';

/** Feeds the events; collects verdicts and every completed burst (also from flushes). */
function feed(events: ScanKeyEvent[], options?: Parameters<typeof createScanBurstDetector>[0]) {
  const detector = createScanBurstDetector(options);
  const verdicts: KeyVerdict[] = [];
  const bursts: ScanBurst[] = [];
  for (const event of events) {
    const verdict = detector.handleKey(event);
    verdicts.push(verdict);
    if (verdict.burst) bursts.push(verdict.burst);
  }
  return { detector, verdicts, bursts, swallowed: verdicts.map((v) => v.swallow) };
}

describe('scanner bursts on the desk keyboard', () => {
  it('a US scanner on a QWERTY computer: the card number, ended by Enter', () => {
    const { bursts, swallowed } = feed(timed([...qwertyDigits(CARD), ENTER], 8));
    expect(bursts).toEqual([{ text: CARD, durationMs: 12 * 8, endedBy: 'enter', layout: 'as-typed' }]);
    // The first 7 keys reach the page (undone later), the 8th proves the burst: from then on all
    // keys, Enter included, are swallowed.
    expect(swallowed).toEqual([...Array(7).fill(false), ...Array(6).fill(true)]);
  });

  it('a US scanner on a Belgian AZERTY computer (&é"\'(§è!çà) gives the same card number', () => {
    const presses = azertyDigits(CARD);
    expect(presses.map((p) => p.key).join('')).toBe("éèààààààà&('");
    const { bursts } = feed(timed([...presses, ENTER], 8));
    expect(bursts).toHaveLength(1);
    expect(bursts[0]?.text).toBe(CARD);
    expect(bursts[0]?.layout).toBe('us-scanner-on-azerty');
  });

  it('a scanner configured for Belgian AZERTY (Shift + digit row) is read as typed', () => {
    const presses = qwertyDigits(CARD).map((p) => ({ ...p, shiftKey: true }));
    const { bursts } = feed(timed([...presses, ENTER], 8));
    expect(bursts[0]).toMatchObject({ text: CARD, layout: 'as-typed' });
  });

  it('the look-up QR code URL read by a hand scanner (QWERTY), capitals via Shift included', () => {
    const url = LOOKUP_URL.replace('www', 'WWW');
    const presses = qwertyText(url).flatMap((p) =>
      p.shiftKey ? [{ key: 'Shift', code: 'ShiftLeft', shiftKey: true }, p] : [p],
    );
    const { bursts, swallowed } = feed(timed([...presses, ENTER], 6));
    expect(bursts).toEqual([expect.objectContaining({ text: url, endedBy: 'enter' })]);
    expect(swallowed.at(-1)).toBe(true);
  });

  it('the look-up URL from a US scanner on AZERTY is rebuilt from the physical keys', () => {
    const url = 'https://www.lerarenkaart.be/afhalen?taal=nl&kaart=270000000255';
    const presses = usScannerOnAzerty(url);
    const typed = presses.map((p) => p.key).join('');
    expect(typed.startsWith('httpsM==zzz:lerqrenkqqrt:be=qfhqlen+')).toBe(true);
    const { bursts } = feed(timed([...presses, ENTER], 5));
    expect(bursts[0]).toMatchObject({ text: url, layout: 'us-scanner-on-azerty' });
  });

  it('a URL with & from a scanner configured for Belgian AZERTY keeps its &', () => {
    // Belgian-configured: digits with Shift, "&" is the unshifted Digit1 key.
    const presses = qwertyText('https://x.be/?a=b&kaart=270000000154').map((p) =>
      p.key === '&' ? { key: '&', code: 'Digit1' } : /^[0-9]$/.test(p.key) ? { ...p, shiftKey: true } : p,
    );
    const { bursts } = feed(timed([...presses, ENTER], 5));
    expect(bursts[0]?.text).toBe('https://x.be/?a=b&kaart=270000000154');
  });

  it('a burst ending in Tab (scanner set up with a Tab suffix)', () => {
    const { bursts, swallowed } = feed(timed([...qwertyDigits(CARD), TAB], 10));
    expect(bursts).toEqual([expect.objectContaining({ text: CARD, endedBy: 'tab' })]);
    expect(swallowed.at(-1)).toBe(true);
  });

  it('a burst ending in silence (scanner without suffix) is completed by flushIfIdle after 250 ms', () => {
    const events = timed(qwertyDigits(CARD), 10);
    const { detector, bursts } = feed(events);
    expect(bursts).toEqual([]);
    expect(detector.pending).toBe(true);
    const last = events.at(-1)?.timeStamp ?? 0;
    // A wireless scanner may still send the rest of the code after a pause of up to 250 ms.
    expect(detector.flushIfIdle(last + 200)).toBeNull();
    expect(detector.flushIfIdle(last + 250)).toEqual({
      text: CARD,
      durationMs: 110,
      endedBy: 'pause',
      layout: 'as-typed',
    });
    expect(detector.pending).toBe(false);
    expect(detector.flushIfIdle(last + 500)).toBeNull();
  });

  it('a pause is also noticed when the next key arrives before the flush', () => {
    const scan = timed(qwertyDigits(CARD), 10);
    const human = { key: 'a', code: 'KeyA', timeStamp: (scan.at(-1)?.timeStamp ?? 0) + 300 };
    const { bursts, verdicts } = feed([...scan, human]);
    expect(bursts).toEqual([expect.objectContaining({ text: CARD, endedBy: 'pause' })]);
    expect(verdicts.at(-1)).toMatchObject({ swallow: false, startsRun: true });
  });

  it("the scanner's Enter may come a little later than the digits (up to idleMs)", () => {
    const { bursts, swallowed } = feed(timed([...qwertyDigits(CARD), ENTER], [...Array(11).fill(10), 50]));
    expect(bursts).toEqual([expect.objectContaining({ endedBy: 'enter' })]);
    expect(swallowed.at(-1)).toBe(true);
  });

  it('a librarian typing a card number (gaps of 36 ms and more, hardly any under 50) is never a burst and nothing is swallowed', () => {
    const gaps = [120, 90, 180, 60, 40, 36, 250, 80, 95, 110, 70, 140];
    const { bursts, verdicts } = feed(timed([...qwertyDigits(CARD), ENTER], gaps));
    expect(bursts).toEqual([]);
    expect(verdicts.every((v) => !v.swallow && v.leaked === null)).toBe(true);
    expect(verdicts.every((v) => v.startsRun || v.burst === null)).toBe(true);
  });

  it('a fast typist rolling a few keys together is not a burst (fewer than 8 fast keys)', () => {
    const word = qwertyText('de kaart');
    const gaps = [20, 25, 90, 30, 20, 28, 120];
    const { bursts, verdicts } = feed(timed(word, gaps));
    expect(bursts).toEqual([]);
    expect(verdicts.some((v) => v.swallow)).toBe(false);
  });

  it('seven fast characters are not a burst; the eighth makes it one', () => {
    const seven = feed(timed([...qwertyDigits('2700000'), ENTER], 5));
    expect(seven.bursts).toEqual([]);
    expect(seven.swallowed.every((s) => !s)).toBe(true);
    const eight = feed(timed([...qwertyDigits('27000000'), ENTER], 5));
    expect(eight.bursts).toEqual([expect.objectContaining({ text: '27000000' })]);
  });

  it('holding a key down (auto-repeat) is not a burst', () => {
    const held = Array.from({ length: 20 }, (_, i) => ({ key: '0', code: 'Digit0', repeat: i > 0 }));
    const { bursts, swallowed } = feed(timed([...held, ENTER], 30));
    expect(bursts).toEqual([]);
    expect(swallowed.every((s) => !s)).toBe(true);
  });

  it('keyboard shortcuts (Ctrl+V pasting a card number) are not part of a burst', () => {
    const presses = [{ key: 'v', code: 'KeyV', ctrlKey: true }, ...qwertyDigits('2700'), ENTER];
    const { bursts, swallowed } = feed(timed(presses, 5));
    expect(bursts).toEqual([]);
    expect(swallowed.every((s) => !s)).toBe(true);
  });

  it('a burst while the cursor is in the search field: the typed prefix is handed back for removal', () => {
    // The detector never looks at focus; the hook snapshots the field on `startsRun` and removes
    // `leaked` when the burst is proven. Same verdicts on AZERTY, with the AZERTY text to remove.
    const { verdicts, bursts } = feed(timed([...azertyDigits(CARD), ENTER], 8));
    expect(verdicts[0]?.startsRun).toBe(true);
    expect(verdicts.slice(1).some((v) => v.startsRun)).toBe(false);
    const proving = verdicts.findIndex((v) => v.leaked !== null);
    expect(proving).toBe(7);
    expect(verdicts[proving]?.leaked).toEqual({ text: 'éèààààà', keyCount: 7, spansPause: false });
    expect(verdicts.filter((v) => v.leaked !== null)).toHaveLength(1);
    expect(verdicts.slice(0, 7).every((v) => !v.swallow)).toBe(true);
    expect(verdicts.slice(7).every((v) => v.swallow)).toBe(true);
    expect(bursts[0]?.text).toBe(CARD);
  });

  it('two cards scanned one after another are two bursts', () => {
    const first = timed([...qwertyDigits(CARD), ENTER], 8, 1000);
    const second = timed([...qwertyDigits('270000000255'), ENTER], 8, 2000);
    const { bursts } = feed([...first, ...second]);
    expect(bursts.map((b) => b.text)).toEqual([CARD, '270000000255']);
  });

  it('a slower scanner fits a wider gap (maxGapMs option)', () => {
    const events = timed([...qwertyDigits(CARD), ENTER], 65);
    expect(feed(events).bursts).toEqual([]);
    expect(feed(events, { maxGapMs: 70 }).bursts).toEqual([expect.objectContaining({ text: CARD })]);
  });

  it('numpad digits count, even with NumLock off', () => {
    const presses = Array.from(CARD, (d) => ({ key: 'End', code: `Numpad${d}` }));
    expect(feed(timed([...presses, { key: 'Enter', code: 'NumpadEnter' }], 8)).bursts[0]?.text).toBe(CARD);
  });
});

/** 12 digits with one pause of `pauseMs` after digit `after`, 8 ms apart otherwise, then `end`. */
function pausedBurst(presses: Press[], after: number, pauseMs: number, end: Press[] = [ENTER]) {
  const gaps = presses.slice(1).map((_, i) => (i + 1 === after ? pauseMs : 8));
  return timed([...presses, ...end], [...gaps, 8]);
}

describe('a wireless scanner pauses once mid-burst (keys come in packets)', () => {
  const pauses = [50, 120, 200, 250];
  for (const [name, presses, layout] of [
    ['QWERTY', qwertyDigits(CARD), 'as-typed'],
    ['AZERTY', azertyDigits(CARD), 'us-scanner-on-azerty'],
  ] as const) {
    for (const after of [1, 4, 5, 7, 8, 11]) {
      it(`${name}: pauses of 50–250 ms after digit ${after} still give one burst with the card`, () => {
        for (const pauseMs of pauses) {
          const { bursts, verdicts } = feed(pausedBurst(presses, after, pauseMs));
          expect(bursts).toEqual([expect.objectContaining({ text: CARD, endedBy: 'enter', layout })]);
          // Exactly the first 7 keys reached the field, the rest (Enter included) were swallowed.
          const leaked = verdicts.find((v) => v.leaked)?.leaked;
          expect(leaked?.text).toBe(
            presses
              .slice(0, 7)
              .map((p) => p.key)
              .join(''),
          );
          // Up to 50 ms is no pause at all, just a slow key.
          expect(leaked?.spansPause).toBe(after < 8 && pauseMs > 50);
          expect(verdicts.map((v) => v.swallow)).toEqual([...Array(7).fill(false), ...Array(6).fill(true)]);
        }
      });
    }
  }

  it('AZERTY with a 150 ms pause after digit 5 and no suffix: one burst after the silence, never two codes', () => {
    const events = pausedBurst(azertyDigits(CARD), 5, 150, []);
    const { detector, bursts } = feed(events);
    expect(bursts).toEqual([]);
    expect(detector.flushIfIdle((events.at(-1)?.timeStamp ?? 0) + 250)).toMatchObject({ text: CARD });
  });

  it('a pause with a Tab suffix', () => {
    const { bursts } = feed(pausedBurst(qwertyDigits(CARD), 6, 180, [TAB]));
    expect(bursts).toEqual([expect.objectContaining({ text: CARD, endedBy: 'tab' })]);
  });

  it("the scanner's Enter may also come up to 250 ms after the last digit", () => {
    const { bursts, swallowed } = feed(timed([...qwertyDigits(CARD), ENTER], [...Array(11).fill(8), 240]));
    expect(bursts).toEqual([expect.objectContaining({ text: CARD, endedBy: 'enter' })]);
    expect(swallowed.at(-1)).toBe(true);
  });

  it('a pause longer than 250 ms splits: the first packet is typed text, not part of the code', () => {
    const { bursts, verdicts } = feed(pausedBurst(qwertyDigits(CARD), 2, 400));
    expect(bursts).toEqual([expect.objectContaining({ text: '0000000154' })]);
    expect(verdicts.find((v) => v.leaked)?.leaked?.spansPause).toBe(false);
  });

  it('two pauses: only the packets around the last one form the burst', () => {
    const gaps = [8, 150, 8, 8, 8, 8, 150, 8, 8, 8, 8, 8];
    const { bursts } = feed(timed([...qwertyDigits(CARD), ENTER], gaps));
    expect(bursts).toEqual([expect.objectContaining({ text: '0000000154' })]);
  });

  it('a person typing in fast rolls with short hesitations is still never a burst', () => {
    // "jan de smet": rolls of 2–4 keys under 50 ms, 60–200 ms between them.
    const gaps = [25, 30, 120, 20, 30, 80, 25, 30, 200, 30];
    const { bursts, verdicts } = feed(timed([...qwertyText('jan de smet'), ENTER], gaps));
    expect(bursts).toEqual([]);
    expect(verdicts.some((v) => v.swallow || v.leaked)).toBe(false);
  });

  it('holding a key (auto-repeat) across a pause is still not a burst', () => {
    const held = Array.from({ length: 12 }, (_, i) => ({ key: '0', code: 'Digit0', repeat: i > 0 }));
    const { bursts, swallowed } = feed(
      timed([...held, ENTER], [...Array(5).fill(30), 150, ...Array(6).fill(30)]),
    );
    expect(bursts).toEqual([]);
    expect(swallowed.every((s) => !s)).toBe(true);
  });
});
