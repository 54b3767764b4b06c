import { z } from 'zod';

/**
 * Progress of long work (import, report, backup, new year), sent from main to the window while
 * the work runs in its worker thread: Electron IPC `balie:progress` in the shell, a server-sent
 * event stream (GET /api/progress) in web mode. `done` of `total` counts the phase's own unit:
 * card rows for the import's parse and apply, pages for a backup, steps otherwise.
 */
export const PROGRESS_PHASES = {
  importPackage: ['verify', 'parse', 'plan', 'apply'],
  exportReport: ['report'],
  newYear: ['close'],
  backupNow: ['copy'],
} as const;

export type LongWork = keyof typeof PROGRESS_PHASES;
export type ProgressPhase<W extends LongWork = LongWork> = (typeof PROGRESS_PHASES)[W][number];

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
  const [first, ...rest] = PROGRESS_PHASES[work];
  return z
    .object({ work: z.literal(work), phase: z.enum([first, ...rest]), done: count, total: count })
    .strict();
}

/** Checked wherever progress crosses a boundary (the renderer reads it from IPC or SSE). */
export const progressSchema = z
  .discriminatedUnion('work', [
    variant('importPackage'),
    variant('exportReport'),
    variant('newYear'),
    variant('backupNow'),
  ])
  .refine((p) => p.done <= p.total, { message: 'done > total' });

export function isLongWork(method: string): method is LongWork {
  return Object.prototype.hasOwnProperty.call(PROGRESS_PHASES, method);
}

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
