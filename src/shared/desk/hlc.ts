/**
 * Hybrid logical clock (Kulkarni et al., 2014) for desk events, so the event logs of several
 * desks of one point can later be merged into one order that respects cause and effect:
 * an event always sorts after every event its desk had seen when it happened, even when a
 * PC's clock is put back or runs behind another desk's.
 *
 * An HLC is (ms, counter, deskId): `ms` is the largest physical time seen so far, `counter`
 * orders events within the same ms, `deskId` breaks ties between desks so the order is total.
 *
 * Text form: `<ms, 15 digits>-<counter, 6 digits>-<deskId>`, e.g.
 * `001798448400000-000000-desk-1a2b3c4d`. Both numbers are zero-padded to a fixed width, so
 * comparing the strings (plain code-unit order, as SQLite and `<` do) gives compareHlc's order
 * and an `ORDER BY hlc` in the store is the causal order.
 *
 * Pure: the physical time is passed in (from the injected Clock); nothing here reads the time.
 */
export interface Hlc {
  /** Logical milliseconds since the epoch: never behind any time this desk has seen. */
  ms: number;
  /** 0 … HLC_MAX_COUNTER, events within the same `ms`. */
  counter: number;
  deskId: string;
}

/** 15 digits of ms reach the year 33658. */
export const HLC_MAX_MS = 999_999_999_999_999;
/** 6 digits. Should a counter run out (a million events in one ms), `ms` moves on by one. */
export const HLC_MAX_COUNTER = 999_999;

/** Desk ids as initPoint makes them (`desk-1a2b3c4d`), and anything else plainly printable. */
const DESK_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const HLC_TEXT = /^(\d{15})-(\d{6})-(.+)$/;

export function isValidDeskId(deskId: string): boolean {
  return DESK_ID.test(deskId);
}

/**
 * The stamp of a new local event (or of sending one): moves with the physical clock, and
 * when the clock stands still or goes back, keeps the last ms and counts up.
 */
export function hlcNext(previous: Hlc | null, physicalMs: number, deskId: string): Hlc {
  assertDeskId(deskId);
  const pt = physicalTime(physicalMs);
  if (previous === null || pt > previous.ms) return { ms: pt, counter: 0, deskId };
  return bump(previous.ms, previous.counter + 1, deskId);
}

/**
 * The stamp on receiving `remote` (another desk's event, when logs are merged): after both
 * the local and the remote stamp, and after the physical time. Keeps the local desk id.
 */
export function hlcMerge(local: Hlc, remote: Hlc, physicalMs: number): Hlc {
  assertDeskId(local.deskId);
  const pt = physicalTime(physicalMs);
  const ms = Math.max(local.ms, remote.ms, pt);
  let counter: number;
  if (ms === local.ms && ms === remote.ms) counter = Math.max(local.counter, remote.counter) + 1;
  else if (ms === local.ms) counter = local.counter + 1;
  else if (ms === remote.ms) counter = remote.counter + 1;
  else counter = 0;
  return bump(ms, counter, local.deskId);
}

export function compareHlc(a: Hlc, b: Hlc): -1 | 0 | 1 {
  if (a.ms !== b.ms) return a.ms < b.ms ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.deskId !== b.deskId) return a.deskId < b.deskId ? -1 : 1;
  return 0;
}

export function formatHlc(h: Hlc): string {
  if (!isValidHlc(h)) throw new RangeError(`not a valid HLC: ${JSON.stringify(h)}`);
  return `${String(h.ms).padStart(15, '0')}-${String(h.counter).padStart(6, '0')}-${h.deskId}`;
}

/** The HLC in a stored string, or null when the text is not one (e.g. a damaged row). */
export function parseHlc(s: string): Hlc | null {
  const match = HLC_TEXT.exec(s);
  if (!match) return null;
  const [, msText, counterText, deskId] = match;
  if (msText === undefined || counterText === undefined || deskId === undefined) return null;
  const h: Hlc = { ms: Number(msText), counter: Number(counterText), deskId };
  return isValidHlc(h) ? h : null;
}

function isValidHlc(h: Hlc): boolean {
  return (
    Number.isSafeInteger(h.ms) &&
    h.ms >= 0 &&
    h.ms <= HLC_MAX_MS &&
    Number.isSafeInteger(h.counter) &&
    h.counter >= 0 &&
    h.counter <= HLC_MAX_COUNTER &&
    DESK_ID.test(h.deskId)
  );
}

function bump(ms: number, counter: number, deskId: string): Hlc {
  // A full counter moves into the next ms: still later than everything before, same width.
  if (counter > HLC_MAX_COUNTER) return checkRange({ ms: ms + 1, counter: 0, deskId });
  return checkRange({ ms, counter, deskId });
}

function checkRange(h: Hlc): Hlc {
  if (h.ms > HLC_MAX_MS) throw new RangeError(`HLC ms beyond ${HLC_MAX_MS}`);
  return h;
}

/** Physical time as whole ms; a clock that yields NaN or a negative number is a bug. */
function physicalTime(physicalMs: number): number {
  if (!Number.isFinite(physicalMs) || physicalMs < 0 || physicalMs > HLC_MAX_MS) {
    throw new RangeError(`physical time out of range: ${physicalMs}`);
  }
  return Math.floor(physicalMs);
}

function assertDeskId(deskId: string): void {
  if (!DESK_ID.test(deskId)) throw new RangeError(`not a valid desk id: ${JSON.stringify(deskId)}`);
}
