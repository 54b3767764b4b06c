import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  aggregateRows,
  selectLatestReports,
  type AggregateBy,
  type AggregateTable,
  type ReportSelection,
  type SelectOptions,
} from '../../../shared/report/aggregate';
import type { VerifiedReport } from '../../../shared/report/reportPayload';
import { verifyReportFile, type EnrolledKeys, type ReportRefused } from './verifyReport';

export {
  aggregateRows,
  percentOf,
  selectLatestReports,
  type AggregateBy,
  type AggregateRow,
  type AggregateTable,
  type AggregateTotal,
  type AuditProblem,
  blockingProblems,
  type ChainBreak,
  type OlderReports,
  type ReportSelection,
  type SequenceConflict,
  type SequenceGap,
} from '../../../shared/report/aggregate';

export interface ReportFile {
  name: string;
  bytes: Uint8Array;
}

export interface AggregateOutcome {
  /** Files refused, in the order given; the others went on. */
  refused: ReportRefused[];
  verified: VerifiedReport[];
  selection: ReportSelection;
  table: AggregateTable;
}

/** Verifies every file (refusing some never stops the others), keeps the newest per point, makes the rows. */
export function aggregateReports(
  files: readonly ReportFile[],
  enrolledKeys: EnrolledKeys,
  by: AggregateBy,
  options: SelectOptions = {},
): AggregateOutcome {
  const refused: ReportRefused[] = [];
  const verified: VerifiedReport[] = [];
  for (const file of files) {
    const result = verifyReportFile(file.name, file.bytes, enrolledKeys);
    if (result.ok) verified.push(result.value);
    else refused.push(result);
  }
  const selection = selectLatestReports(verified, options);
  return { refused, verified, selection, table: aggregateRows(selection.kept, by) };
}

export const REPORT_FILE_SUFFIX = '.lkr.json';

/** Reads the `*.lkr.json` files of a folder, sorted by name; unreadable files are listed, not thrown. */
export function readReportFiles(dir: string): {
  files: ReportFile[];
  unreadable: { file: string; detail: string }[];
} {
  const files: ReportFile[] = [];
  const unreadable: { file: string; detail: string }[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    return {
      files,
      unreadable: [{ file: dir, detail: error instanceof Error ? error.message : String(error) }],
    };
  }
  for (const name of names) {
    if (!name.toLowerCase().endsWith(REPORT_FILE_SUFFIX)) continue;
    try {
      files.push({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) });
    } catch (error) {
      unreadable.push({ file: name, detail: error instanceof Error ? error.message : String(error) });
    }
  }
  return { files, unreadable };
}
