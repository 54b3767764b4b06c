/**
 * What the CSV reader itself can find wrong, as data. A batch import reports these among its
 * ImportProblems (src/shared/batch/importProblem.ts builds on this type, never the other way).
 */
export type CsvProblemCode =
  | 'csv_empty'
  | 'csv_unterminated_quote'
  | 'csv_text_after_quote'
  | 'csv_missing_column'
  | 'csv_duplicate_column'
  | 'csv_record_too_long';

export interface CsvProblem {
  code: CsvProblemCode;
  severity: 'error';
  /** The file being read (`cards.csv`, `points.csv`, ...). */
  file: string;
  /** 1-based physical line where the record starts (the header is line 1). */
  line?: number;
  /** 1-based column position and header name of the field. */
  column?: number;
  columnName?: string;
  /** Extra facts for the message: the other line of a duplicate column, ... */
  otherLine?: number;
  value?: string;
  expected?: string;
}
