import { Worker } from 'node:worker_threads';
import type { CliWorkerStart, KeyRequest, WorkerMessage, WorkerStart } from './longJobs';

/**
 * The worker entry next to this module: the TypeScript source under tsx (development, tests), the
 * bundled longWorkEntry.mjs next to main.mjs in the Electron build (scripts/build-electron.mjs).
 */
export function longWorkEntry(moduleUrl: string = import.meta.url): { url: URL; execArgv: string[] } {
  if (moduleUrl.endsWith('.ts'))
    return { url: new URL('./longWorkEntry.ts', moduleUrl), execArgv: ['--import', 'tsx'] };
  return { url: new URL('./longWorkEntry.mjs', moduleUrl), execArgv: [] };
}

/** What the main thread answers while a worker runs (only the API's long work asks key and hold). */
export interface WorkerAnswers<P> {
  progress: (progress: P) => void;
  key?: (request: KeyRequest) => void;
  holdWrites?: () => void;
}

/**
 * Starts the long-work entry in a worker thread with `workerData`. The result resolves with the
 * worker's `done` value and rejects on `failed`, an error, or an exit before either (terminated).
 */
export function startWorkerThread<P>(
  workerData: WorkerStart | CliWorkerStart,
  label: string,
  answers: WorkerAnswers<P>,
): { worker: Worker; result: Promise<unknown> } {
  const entry = longWorkEntry();
  const worker = new Worker(entry.url, { workerData, execArgv: entry.execArgv });
  const result = new Promise<unknown>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.on('message', (message: WorkerMessage<P>) => {
      switch (message.type) {
        case 'progress':
          answers.progress(message.progress);
          return;
        case 'done':
          settle(() => resolve(message.value));
          return;
        case 'failed':
          settle(() => reject(new Error(`${label} failed: ${message.message}`)));
          return;
        case 'key':
          answers.key?.(message);
          return;
        case 'hold-writes':
          answers.holdWrites?.();
          return;
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`${label} stopped (exit code ${code})`))));
  });
  return { worker, result };
}
