import { describe, expect, it } from 'vitest';
import { createRepeatFilter } from '../../../../src/renderer/scan/repeatFilter';

describe('webcam: the same card is not reported twice', () => {
  it('a card held in front of the camera is reported once', () => {
    const filter = createRepeatFilter(2000);
    const reported = [0, 150, 300, 1900, 3500, 5000].filter((t) => filter.accept('270000000154', t));
    expect(reported).toEqual([0]);
  });

  it('the same card again after it was out of view for 2 seconds', () => {
    const filter = createRepeatFilter(2000);
    expect(filter.accept('270000000154', 0)).toBe(true);
    expect(filter.accept('270000000154', 1999)).toBe(false);
    expect(filter.accept('270000000154', 3999)).toBe(true);
  });

  it('a different card is reported at once', () => {
    const filter = createRepeatFilter(2000);
    expect(filter.accept('270000000154', 0)).toBe(true);
    expect(filter.accept('270000000255', 100)).toBe(true);
    expect(filter.accept('270000000154', 200)).toBe(true);
  });

  it('reset forgets the last card (camera restarted)', () => {
    const filter = createRepeatFilter(2000);
    filter.accept('270000000154', 0);
    filter.reset();
    expect(filter.accept('270000000154', 10)).toBe(true);
  });
});
