import type { LongWork, Progress } from '../../../shared/api/progress';
import type { AdminGrant } from '../../useCases/admin/adminPin';
import type { LongWorkEnvironment } from '../api/handlers';

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

export type KeyRequest = { op: 'seal' | 'open'; data: Uint8Array; reply: SharedArrayBuffer };

export type WorkerMessage =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; message: string }
  | { type: 'hold-writes' }
  | ({ type: 'key' } & KeyRequest);
