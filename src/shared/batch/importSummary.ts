import type { ImportProblem } from './importProblem';
import type { Failure, StoreWriteFailure } from '../result';

export interface ImportSummary {
  batchId: string;
  pointId: string;
  /** The same batchId with the same contents was imported before: nothing changed. */
  alreadyImported: boolean;
  signature: 'valid' | 'unsigned_override';
  availableFrom: string;
  availableUntil: string;
  added: number;
  updated: number;
  unchanged: number;
  revoked: number;
  replaced: number;
  /** Cards (and reprints) this package carried that a newer package (by issuedAt) already set: not applied. */
  skippedOlder: number;
  /** Padded stamboeknummers, rows for cards already handed out that were not applied, ... */
  warnings: ImportProblem[];
  points: number;
  /** Backup made before the change, or null when nothing changed or this was a preview. */
  backup: string | null;
}

export type ImportFailure =
  | Failure<'not_initialized'>
  /** On a desk that joined another desk's point: imports happen on the host only. */
  | Failure<'not_host', { host: string }>
  | Failure<'invalid_package', { problems: ImportProblem[] }>
  | Failure<'unreadable_file', { path: string; detail: string }>
  | StoreWriteFailure;
