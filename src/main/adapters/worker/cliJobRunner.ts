import { Worker } from 'node:worker_threads';
import type { Clock } from '../../../shared/time/clock';
import { backupDirFor } from '../../platform/paths';
import type { CliJob, CliJobArgs, CliJobProgress, CliJobResult } from './cliJobs';
import type { CliWorkerStart, WorkerMessage } from './longJobs';
import { longWorkEntry } from './longWorkRunner';

export interface CliJobOptions {
  dbPath: string;
  /** The job's clock: its instant at the start is the job's time, as for the API's long work. */
  clock: Clock;
  /** Every progress message of the job, in order. */
  onProgress?: (progress: CliJobProgress) => void;
  /** Aborting terminates the worker: what it had not committed rolls back. */
  signal?: AbortSignal;
}

/**
 * Runs one CLI job (cliJobs.ts) in a worker thread with its own connection: the CLI's main
 * thread stays free (it prints the progress) while the job restores or purges the store file.
 */
export function runCliJob<J extends CliJob>(
  job: J,
  args: CliJobArgs<J>,
  options: CliJobOptions,
): Promise<CliJobResult<J>> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new Error(`${job} aborted`));
    const entry = longWorkEntry();
    const workerData: CliWorkerStart = {
      kind: 'cli',
      job,
      args,
      dbPath: options.dbPath,
      backupDir: backupDirFor(options.dbPath),
      now: options.clock.now().toISOString(),
    };
    const worker = new Worker(entry.url, { workerData, execArgv: entry.execArgv });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', abort);
      fn();
    };
    const abort = () => void worker.terminate();
    options.signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (message: WorkerMessage<CliJobProgress>) => {
      switch (message.type) {
        case 'progress':
          options.onProgress?.(message.progress);
          return;
        case 'done':
          settle(() => resolve(message.value as CliJobResult<J>));
          return;
        case 'failed':
          settle(() => reject(new Error(`${job} failed: ${message.message}`)));
          return;
        case 'key':
        case 'hold-writes':
          // Only the API's long work asks these; a CLI job runs with no desk on this process.
          return;
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`${job} stopped (exit code ${code})`))));
  });
}
