import type { LongWork, Progress } from '../../../shared/api/progress';
import type { AdminGrant } from '../../useCases/admin/adminPin';
import type { LongWorkEnvironment } from '../api/handlers';
import type { CliJob } from './cliJobs';

/**
 * One call of a `long` contract method, handed to a worker thread: plain data only (it is
 * structured-cloned across): the arguments as the boundary parsed them, the PIN's grant.
 */
export interface LongCall {
  method: LongWork;
  args: unknown;
  grant: AdminGrant | null | undefined;
}

/** Where the worker finds the store; `now` is the instant the call started (the job's clock). */
export interface WorkerStart {
  kind: 'api';
  call: LongCall;
  env: LongWorkEnvironment;
  dbPath: string;
  backupDir: string;
  now: string;
  /** The report key is sealed by the shell (safeStorage): seal/open are asked of the main thread. */
  remoteProtector: boolean;
  /** Int32 flag the main thread sets to 1 once it holds its writes (holdWrites handshake). */
  writesHeld: SharedArrayBuffer;
}

/** One CLI job (cliJobs.ts) for a worker thread: its name, its plain arguments, the store file. */
export interface CliWorkerStart {
  kind: 'cli';
  job: CliJob;
  args: unknown;
  dbPath: string;
  backupDir: string;
  now: string;
}

export type KeyRequest = { op: 'seal' | 'open'; data: Uint8Array; reply: SharedArrayBuffer };

/** What a worker posts; `P` is the progress of its kind of work (API or CLI). */
export type WorkerMessage<P = Progress> =
  | { type: 'progress'; progress: P }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; message: string }
  | { type: 'hold-writes' }
  | ({ type: 'key' } & KeyRequest);
