import type { ImportFailure, ImportSummary } from '../../../shared/batch/importSummary';
import type { Progress } from '../../../shared/api/progress';
import type { Result } from '../../../shared/result';
import type { ReportCreated, ReportFailure } from '../../useCases/reports/createReport';
import type { NewYearDone } from '../../useCases/year/newYear';
import type { NewYearFailure } from '../../../shared/api/contract';
import type { PinFailure } from '../../../shared/desk/deskResults';

/**
 * Long work handed to a worker thread: plain data only (it is structured-cloned across), the
 * package bytes transferred, not copied.
 */
export type LongJob =
  | { work: 'importPackage'; packageBytes: Uint8Array; allowUnsigned: boolean; preview: boolean }
  | { work: 'exportReport'; outFile: string }
  | { work: 'newYear'; cardYear: number; staff: string; adminPin: string; reportOut: string }
  | { work: 'backupNow' };

export interface LongJobValues {
  importPackage: Result<ImportSummary, ImportFailure>;
  exportReport: Result<ReportCreated, ReportFailure>;
  newYear: Result<NewYearDone, NewYearFailure | PinFailure>;
  /** The backup file written. */
  backupNow: string;
}

export type LongJobOf<W extends LongJob['work']> = Extract<LongJob, { work: W }>;

/** Where the worker finds the store; `now` is the instant the job started (the job's clock). */
export interface WorkerStart {
  job: LongJob;
  dbPath: string;
  backupDir: string;
  now: string;
  /** The report key is sealed by the shell (safeStorage): seal/open are asked of the main thread. */
  remoteProtector: boolean;
}

export type KeyRequest = { op: 'seal' | 'open'; data: Uint8Array; reply: SharedArrayBuffer };

export type WorkerMessage =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; message: string }
  | ({ type: 'key' } & KeyRequest);
