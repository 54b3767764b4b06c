import type { Clock } from '../../../shared/time/clock';
import { backupDirFor } from '../../platform/paths';
import type { CliJob, CliJobArgs, CliJobProgress, CliJobResult } from './cliJobs';
import type { CliWorkerStart } from './longJobs';
import { startWorkerThread } from './workerThread';

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
  if (options.signal?.aborted) return Promise.reject(new Error(`${job} aborted`));
  const workerData: CliWorkerStart = {
    kind: 'cli',
    job,
    args,
    dbPath: options.dbPath,
    backupDir: backupDirFor(options.dbPath),
    now: options.clock.now().toISOString(),
  };
  const { worker, result } = startWorkerThread<CliJobProgress>(workerData, job, {
    progress: (progress) => options.onProgress?.(progress),
  });
  const abort = () => void worker.terminate();
  options.signal?.addEventListener('abort', abort, { once: true });
  return result.finally(() => options.signal?.removeEventListener('abort', abort)) as Promise<
    CliJobResult<J>
  >;
}
