import { z } from 'zod';
import { API_METHODS, apiContract } from './contract';
import type { ApiContract } from './contract';

/**
 * Progress of long work (import, report, backup, new year), sent from main to the window while
 * the work runs in its worker thread: Electron IPC `balie:progress` in the shell, a server-sent
 * event stream (GET /api/progress) in web mode. `done` of `total` counts the phase's own unit:
 * card rows for the import's parse and apply, pages for a backup, steps otherwise.
 */
/** The methods the contract declares `long`, with their phases. */
export type LongWork = {
  [M in keyof ApiContract]: ApiContract[M]['long'] extends readonly string[] ? M : never;
}[keyof ApiContract];
export type ProgressPhase<W extends LongWork = LongWork> = Extract<
  ApiContract[W]['long'],
  readonly string[]
>[number];

export function isLongWork(method: string): method is LongWork {
  if (!Object.prototype.hasOwnProperty.call(apiContract, method)) return false;
  const facts: { long: readonly string[] | false } = apiContract[method as keyof ApiContract];
  return facts.long !== false;
}

export const LONG_WORK: readonly LongWork[] = API_METHODS.filter(isLongWork);

/** A long method's phases, in order, from its contract entry. */
export function phasesOf<W extends LongWork>(work: W): readonly ProgressPhase<W>[] {
  return apiContract[work].long as readonly ProgressPhase<W>[];
}

/** What a use case reports through its optional onProgress callback. */
export interface PhaseProgress<P extends string = string> {
  phase: P;
  done: number;
  total: number;
}

export type OnProgress<P extends string = string> = (progress: PhaseProgress<P>) => void;

export type Progress = { [W in LongWork]: { work: W } & PhaseProgress<ProgressPhase<W>> }[LongWork];

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

function variant<W extends LongWork>(work: W) {
  const [first, ...rest] = phasesOf(work) as [string, ...string[]];
  return z
    .object({ work: z.literal(work), phase: z.enum([first, ...rest]), done: count, total: count })
    .strict();
}

/** Checked wherever progress crosses a boundary (the renderer reads it from IPC or SSE). */
export const progressSchema = z
  .discriminatedUnion('work', LONG_WORK.map(variant) as unknown as [ReturnType<typeof variant>])
  .refine((p) => p.done <= p.total, { message: 'done > total' });

/**
 * Calls `emit` about `steps` times over a phase (and always at its first value and its end), so a
 * 200,000-row phase sends tens of messages, not thousands.
 */
export function throttledProgress<P extends string>(
  emit: OnProgress<P> | undefined,
  phase: P,
  total: number,
  steps = 50,
): (done: number) => void {
  if (!emit) return () => {};
  const step = Math.max(1, Math.ceil(total / steps));
  let last = -1;
  // Never backwards: a file read again (Windows-1252 after UTF-8 failed) does not restart the bar.
  return (done) => {
    const clamped = Math.min(Math.max(0, done), total);
    if (clamped <= last) return;
    if (clamped === total || last < 0 || clamped - last >= step) {
      last = clamped;
      emit({ phase, done: clamped, total });
    }
  };
}
