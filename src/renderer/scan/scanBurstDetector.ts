/**
 * Recognises a USB barcode scanner (keyboard mode) in the stream of key presses.
 *
 * PURE: no DOM access. It takes plain objects shaped like a KeyboardEvent (a real KeyboardEvent
 * fits) and returns, per key, whether the caller should swallow it; completed bursts come back
 * from `handleKey` (Enter/Tab, or a pause noticed at the next key) or from `flushIfIdle(now)`.
 *
 * A burst is at least `minLength` characters, every gap below `maxGapMs` (50 ms) except at most
 * one pause of up to `maxPauseMs` (250 ms): wireless (Bluetooth/2.4 GHz) scanners hand their keys
 * over in packets, so a 12-digit card may arrive as 5 digits, ~150 ms of nothing, 7 digits. People
 * do not type 8 characters with all but one gap under 50 ms, and auto-repeat (holding a key) is
 * recognised by `repeat` and never counts. The pause may fall anywhere: before the burst is proven
 * (then the packet before it leaked into the field too, see `leaked.spansPause`) or after.
 *
 * ── Swallowing the first keys: "let through, then undo" ─────────────────────────────────────
 * Whether a key belongs to a burst is only known after the fact. We do NOT hold keys back: a
 * person typing is never delayed, reordered or re-injected — nothing of theirs is ever swallowed.
 * Instead the first `minLength - 1` keys of a run reach the page as usual. On the key that proves
 * the burst (the `minLength`-th fast key) the verdict carries `leaked`: exactly what those keys
 * typed (their `key` values). From that key on, every burst key — including the closing Enter or
 * Tab — is swallowed. The caller undoes the leaked prefix: it snapshots the focused field on
 * `startsRun` (before the first key's default action) and restores it when `leaked` arrives
 * (see useScanner.ts / leakedText.ts). Cost: for one or two frames (~8 × 10 ms) the field shows
 * the first digits of the scan.
 *
 * ── Which characters ─────────────────────────────────────────────────────────────────────────
 * Characters are taken from `key`, except that a burst whose digit-row keys mostly show the AZERTY
 * fingerprint (`&é"'(§è!çà` without Shift, more of them than real digits on the digit row) came
 * from a US-configured scanner (the factory default) on an AZERTY computer: then the whole burst
 * is rebuilt from the physical keys (`code` + Shift) with the US table, which gives the right
 * digits AND the right letters/punctuation of a look-up URL. A scanner configured for Belgian
 * AZERTY types real digits (Shift+digit row) and is read as typed. Numpad keys always give their
 * digit (even with NumLock off).
 */
import { digitFromCode, isAzertyUnshiftedDigitRow, usCharFromCode } from '../../shared/scan/azerty';

/** What the detector needs from a key event; a DOM KeyboardEvent satisfies it. */
export interface ScanKeyEvent {
  key: string;
  code: string;
  /** Milliseconds, same clock as the `now` given to flushIfIdle (performance.now()). */
  timeStamp: number;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  /** Auto-repeat from a held key: never part of a burst. */
  repeat?: boolean;
  isComposing?: boolean;
}

export type BurstEnd = 'enter' | 'tab' | 'pause' | 'interrupted';

export interface ScanBurst {
  /** What the scanner sent (terminator not included). */
  text: string;
  /** From the first key to the last key (the terminator when there is one). */
  durationMs: number;
  endedBy: BurstEnd;
  /** How `text` was read: the typed keys, or rebuilt from physical keys (US scanner on AZERTY). */
  layout: 'as-typed' | 'us-scanner-on-azerty';
}

/** Keys of the burst that reached the page before it was recognised: the caller removes them. */
export interface LeakedKeys {
  /** What those keys typed into a field (their `key` values), e.g. `&é"'(§è` on AZERTY. */
  text: string;
  keyCount: number;
  /**
   * The leaked keys began in the packet before a pause: restore the field as it was before that
   * packet (the snapshot taken at the previous `startsRun`), not before the current one.
   */
  spansPause: boolean;
}

export interface KeyVerdict {
  /** preventDefault + stopPropagation this key. */
  swallow: boolean;
  /**
   * This key may start a burst (or its packet after a pause): snapshot the focused field now,
   * before the key lands in it. Keep the previous snapshot too, for `leaked.spansPause`.
   */
  startsRun: boolean;
  /** Set once per burst, on the key that proves it: undo these already-typed keys. */
  leaked: LeakedKeys | null;
  /** A burst that completed with (or, for a pause, just before) this key. */
  burst: ScanBurst | null;
}

export interface BurstDetectorOptions {
  /**
   * Largest gap between two keys of one packet of a burst. Default 50 ms: scanners send a key every
   * 1–10 ms, but a busy computer delivers them with jitter (up to ~40 ms measured under X on a
   * loaded 2-core machine); a person needs 100 ms and more per key.
   */
  maxGapMs?: number;
  /** Fewest characters in a burst. Default 8. */
  minLength?: number;
  /**
   * Longest pause a burst may hold once (a wireless scanner sends its keys in packets); also how
   * late the scanner's Enter/Tab may come, and the silence after which a burst without Enter/Tab
   * is complete (flushIfIdle). Default 250 ms; never below maxGapMs.
   */
  maxPauseMs?: number;
}

export interface ScanBurstDetector {
  handleKey(event: ScanKeyEvent): KeyVerdict;
  /** Completes a burst that ended without Enter/Tab once `idleMs` passed since its last key. */
  flushIfIdle(now: number): ScanBurst | null;
  /** True while a run of fast keys is open (the caller should call flushIfIdle later). */
  readonly pending: boolean;
  /** Silence after which an open run is over (= maxPauseMs). */
  readonly idleMs: number;
  reset(): void;
}

export const DEFAULT_MAX_GAP_MS = 50;
export const DEFAULT_MIN_LENGTH = 8;
export const DEFAULT_MAX_PAUSE_MS = 250;

const MODIFIER_KEYS = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'OS',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'Fn',
]);

interface TypedKey {
  key: string;
  code: string;
  shift: boolean;
  /** The character as read (key, or the numpad digit). */
  char: string;
  ts: number;
}

/**
 * The candidate burst: at most two packets of fast keys with one pause between them. `keys`
 * holds both; `packetStart` is where the current packet begins (0: no pause yet).
 */
interface Run {
  keys: TypedKey[];
  lastTs: number;
  packetStart: number;
  paused: boolean;
  confirmed: boolean;
}

export function createScanBurstDetector(options: BurstDetectorOptions = {}): ScanBurstDetector {
  const maxGapMs = options.maxGapMs ?? DEFAULT_MAX_GAP_MS;
  const minLength = Math.max(2, options.minLength ?? DEFAULT_MIN_LENGTH);
  const maxPauseMs = Math.max(maxGapMs, options.maxPauseMs ?? DEFAULT_MAX_PAUSE_MS);
  let run: Run | null = null;

  function close(endedBy: BurstEnd, endTs?: number): ScanBurst | null {
    const closing = run;
    run = null;
    if (!closing?.confirmed) return null;
    const { text, layout } = burstText(closing.keys);
    const firstTs = closing.keys[0]?.ts ?? closing.lastTs;
    return { text, layout, endedBy, durationMs: (endTs ?? closing.lastTs) - firstTs };
  }

  /** A character key `gap` ms after the run's last key: does it join the run, and how? */
  function joinRun(gap: number, verdict: KeyVerdict): void {
    if (!run) return;
    if (gap <= maxGapMs) return;
    if (gap <= maxPauseMs && !run.paused) {
      // The one pause a wireless scanner may make: the next packet continues this run.
      run.paused = true;
      run.packetStart = run.keys.length;
      verdict.startsRun = !run.confirmed;
      return;
    }
    if (gap <= maxPauseMs && !run.confirmed) {
      // A second pause: the first packet was not part of this burst (a person, most likely).
      run.keys = run.keys.slice(run.packetStart);
      run.packetStart = run.keys.length;
      verdict.startsRun = true;
      return;
    }
    verdict.burst = close('pause');
  }

  function handleKey(e: ScanKeyEvent): KeyVerdict {
    const verdict: KeyVerdict = { swallow: false, startsRun: false, leaked: null, burst: null };
    const ts = e.timeStamp;
    const terminator = terminatorOf(e);
    const gap = run ? ts - run.lastTs : 0;

    if (terminator) {
      if (run?.confirmed && gap <= maxPauseMs) {
        verdict.burst = close(terminator, ts);
        verdict.swallow = true;
      } else {
        verdict.burst = close('pause');
      }
      return verdict;
    }

    if (MODIFIER_KEYS.has(e.key)) {
      // Scanners press Shift for capitals: neither a character nor the end of a burst.
      verdict.swallow = run?.confirmed === true && gap <= maxPauseMs;
      return verdict;
    }

    const char = e.repeat || e.isComposing ? null : charOf(e);
    if (char === null) {
      verdict.burst = close(run?.confirmed && gap > maxPauseMs ? 'pause' : 'interrupted');
      return verdict;
    }

    joinRun(gap, verdict);
    if (!run) {
      run = { keys: [], lastTs: ts, packetStart: 0, paused: false, confirmed: false };
      verdict.startsRun = true;
    }
    run.keys.push({ key: e.key, code: e.code, shift: e.shiftKey === true, char, ts });
    run.lastTs = ts;
    if (!run.confirmed && run.keys.length >= minLength) {
      run.confirmed = true;
      const before = run.keys.slice(0, -1);
      verdict.leaked = {
        text: before.map((k) => typedText(k.key)).join(''),
        keyCount: before.length,
        spansPause: run.packetStart > 0,
      };
    }
    verdict.swallow = run.confirmed;
    return verdict;
  }

  return {
    handleKey,
    flushIfIdle(now: number): ScanBurst | null {
      if (!run || now - run.lastTs < maxPauseMs) return null;
      return close('pause');
    },
    get pending() {
      return run !== null;
    },
    idleMs: maxPauseMs,
    reset() {
      run = null;
    },
  };
}

function terminatorOf(e: ScanKeyEvent): 'enter' | 'tab' | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  if (e.key === 'Enter' || e.code === 'Enter' || e.code === 'NumpadEnter') return 'enter';
  if (e.key === 'Tab' || e.code === 'Tab') return 'tab';
  return null;
}

/** The character a key press contributes, or null for shortcuts and non-character keys. */
function charOf(e: ScanKeyEvent): string | null {
  if (/^Numpad[0-9]$/.test(e.code)) return digitFromCode(e.code);
  if (e.metaKey) return null;
  const altGr = e.ctrlKey === true && e.altKey === true;
  if ((e.ctrlKey || e.altKey) && !altGr) return null;
  return typedText(e.key) === '' ? null : e.key;
}

/** What a key inserts into a text field: a single character, else nothing ('Dead', 'End', …). */
function typedText(key: string): string {
  return Array.from(key).length === 1 ? key : '';
}

function burstText(keys: readonly TypedKey[]): Pick<ScanBurst, 'text' | 'layout'> {
  // On an AZERTY computer the key events of "1" from a US-configured scanner (Digit1 → "&") and
  // of "&" from an AZERTY-configured scanner are identical; so are "!" (US Shift+Digit1 → "1")
  // and "1" (AZERTY Shift+Digit1). Scanned codes are mostly digits, so the majority decides:
  // more AZERTY digit-row symbols than real digits on the digit row → a US scanner on AZERTY.
  let azertySymbols = 0;
  let realDigits = 0;
  for (const k of keys) {
    if (!k.shift && isAzertyUnshiftedDigitRow(k.code, k.key)) azertySymbols += 1;
    else if (/^Digit[0-9]$/.test(k.code) && /^[0-9]$/.test(k.key)) realDigits += 1;
  }
  if (azertySymbols > realDigits) {
    return {
      text: keys.map((k) => usCharFromCode(k.code, k.shift) ?? k.char).join(''),
      layout: 'us-scanner-on-azerty',
    };
  }
  return { text: keys.map((k) => k.char).join(''), layout: 'as-typed' };
}
