import { expect } from 'vitest';

interface Step {
  phase: string;
  done: number;
  total: number;
}

/**
 * Phases in their declared order (a phase may be skipped, never revisited), done never above
 * total and never backwards within a phase, and every phase that started ends at its total.
 */
export function expectPhasesInOrder(events: readonly Step[], phases: readonly string[]): void {
  expect(events.length).toBeGreaterThan(0);
  let index = -1;
  let last: Step | null = null;
  for (const e of events) {
    expect(e.done).toBeLessThanOrEqual(e.total);
    const at = phases.indexOf(e.phase);
    expect(at, `phase ${e.phase}`).toBeGreaterThanOrEqual(0);
    if (at !== index) {
      expect(at, `${e.phase} after ${last?.phase ?? 'nothing'}`).toBeGreaterThan(index);
      if (last) expect(last.done, `${last.phase} ends at its total`).toBe(last.total);
      index = at;
    } else if (last) {
      expect(e.done).toBeGreaterThanOrEqual(last.done);
      expect(e.total).toBe(last.total);
    }
    last = e;
  }
  if (last) expect(last.done, `${last.phase} ends at its total`).toBe(last.total);
}
