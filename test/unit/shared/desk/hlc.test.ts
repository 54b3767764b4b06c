import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HLC_MAX_COUNTER,
  compareHlc,
  formatHlc,
  hlcMerge,
  hlcNext,
  parseHlc,
} from '../../../../src/shared/desk/hlc';
import type { Hlc } from '../../../../src/shared/desk/hlc';

const T = Date.UTC(2027, 0, 5, 9, 12);
const deskIdArb = fc.stringMatching(/^[A-Za-z0-9._:-]{1,20}$/);
const hlcArb: fc.Arbitrary<Hlc> = fc.record({
  ms: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 999_999_999_999_999 })),
  counter: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: HLC_MAX_COUNTER })),
  deskId: fc.oneof(fc.constantFrom('desk-a', 'desk-b', 'desk-ab', 'desk-A'), deskIdArb),
});

describe('hybrid logical clock', () => {
  it('follows the physical clock while it moves forward', () => {
    const a = hlcNext(null, T, 'desk-1a2b3c4d');
    expect(a).toEqual({ ms: T, counter: 0, deskId: 'desk-1a2b3c4d' });
    expect(hlcNext(a, T + 5, 'desk-1a2b3c4d')).toEqual({ ms: T + 5, counter: 0, deskId: 'desk-1a2b3c4d' });
    expect(hlcNext(a, T, 'desk-1a2b3c4d')).toEqual({ ms: T, counter: 1, deskId: 'desk-1a2b3c4d' });
  });

  it('keeps events in order when the PC clock is put back an hour', () => {
    let h = hlcNext(null, T, 'desk-x');
    const stamps = [h];
    for (const pt of [T - 3_600_000, T - 3_599_000, T + 1, T - 10]) {
      h = hlcNext(h, pt, 'desk-x');
      stamps.push(h);
    }
    expect(stamps.map((s) => [s.ms - T, s.counter])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
    ]);
  });

  it('is strictly increasing for any sequence of physical times (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4_102_444_800_000 }), { minLength: 1, maxLength: 60 }),
        (times) => {
          let prev: Hlc | null = null;
          for (const pt of times) {
            const next = hlcNext(prev, pt, 'desk-p');
            if (prev !== null) {
              expect(compareHlc(prev, next)).toBe(-1);
              expect(formatHlc(prev) < formatHlc(next)).toBe(true);
            }
            expect(next.ms).toBeGreaterThanOrEqual(pt);
            prev = next;
          }
        },
      ),
    );
  });

  it('moves to the next ms when the counter is full, and stays in order', () => {
    const full: Hlc = { ms: T, counter: HLC_MAX_COUNTER, deskId: 'desk-x' };
    const next = hlcNext(full, T, 'desk-x');
    expect(next).toEqual({ ms: T + 1, counter: 0, deskId: 'desk-x' });
    expect(formatHlc(full) < formatHlc(next)).toBe(true);
  });

  it('a received event from a desk whose clock runs ahead pushes the local clock past it', () => {
    const local = hlcNext(null, T, 'desk-a');
    const remote: Hlc = { ms: T + 60_000, counter: 3, deskId: 'desk-b' };
    const merged = hlcMerge(local, remote, T + 10);
    expect(merged).toEqual({ ms: T + 60_000, counter: 4, deskId: 'desk-a' });
    const after = hlcNext(merged, T + 20, 'desk-a');
    expect(compareHlc(merged, after)).toBe(-1);
  });

  it('merging follows the standard receive rule in every case', () => {
    const l = (ms: number, counter: number): Hlc => ({ ms, counter, deskId: 'desk-a' });
    const r = (ms: number, counter: number): Hlc => ({ ms, counter, deskId: 'desk-b' });
    expect(hlcMerge(l(100, 2), r(100, 7), 50)).toEqual(l(100, 8));
    expect(hlcMerge(l(100, 2), r(90, 7), 50)).toEqual(l(100, 3));
    expect(hlcMerge(l(90, 2), r(100, 7), 50)).toEqual(l(100, 8));
    expect(hlcMerge(l(90, 2), r(100, 7), 200)).toEqual(l(200, 0));
  });

  it('a merged stamp is after both the local and the remote one (property)', () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, fc.integer({ min: 0, max: 999_999_999_999_990 }), (local, remote, pt) => {
        fc.pre(local.ms < 999_999_999_999_999 && remote.ms < 999_999_999_999_999);
        const merged = hlcMerge({ ...local, deskId: 'desk-a' }, remote, pt);
        expect(compareHlc({ ...local, deskId: 'desk-a' }, merged)).toBe(-1);
        expect(merged.ms > remote.ms || (merged.ms === remote.ms && merged.counter > remote.counter)).toBe(
          true,
        );
        expect(merged.ms).toBeGreaterThanOrEqual(pt);
      }),
    );
  });

  it('the text form sorts exactly like compareHlc (property)', () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, (a, b) => {
        const sa = formatHlc(a);
        const sb = formatHlc(b);
        const byText = sa < sb ? -1 : sa > sb ? 1 : 0;
        expect(byText).toBe(compareHlc(a, b));
      }),
    );
  });

  it('sorting a list of stamps as text gives the causal order', () => {
    const stamps = fc.sample(hlcArb, 200);
    const byText = stamps.map(formatHlc).sort();
    const byCompare = [...stamps].sort(compareHlc).map(formatHlc);
    expect(byText).toEqual(byCompare);
  });

  it('reads back what it writes, desk ids with dashes included (property)', () => {
    expect(formatHlc({ ms: T, counter: 12, deskId: 'desk-1a2b3c4d' })).toBe(`00${T}-000012-desk-1a2b3c4d`);
    fc.assert(
      fc.property(hlcArb, (h) => {
        expect(parseHlc(formatHlc(h))).toEqual(h);
      }),
    );
  });

  it('rejects damaged text instead of guessing', () => {
    for (const bad of [
      '',
      '1-2-desk',
      '001798448400000-000000-',
      '001798448400000-00000-desk',
      'x01798448400000-000000-desk',
      '001798448400000-000000-desk a',
    ]) {
      expect(parseHlc(bad)).toBeNull();
    }
  });

  it('treats a broken clock reading or desk id as a bug', () => {
    expect(() => hlcNext(null, Number.NaN, 'desk-a')).toThrow(RangeError);
    expect(() => hlcNext(null, -1, 'desk-a')).toThrow(RangeError);
    expect(() => hlcNext(null, T, '')).toThrow(RangeError);
    expect(() => hlcNext(null, T, 'desk a')).toThrow(RangeError);
  });
});
