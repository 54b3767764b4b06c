import type { CsvProblemCode } from '../csv/csvProblem';

/**
 * Everything that can be wrong with a batch package, as data. The Dutch (and English) text is
 * made from it by `describeImportProblem` in src/shared/i18n/importProblemText.ts.
 */
export type ImportProblemCode =
  // container
  | 'zip_unreadable'
  | 'zip_entry_unknown'
  | 'zip_entry_path'
  | 'zip_entry_too_large'
  | 'zip_ratio'
  | 'zip_entry_missing'
  | 'zip_entry_duplicate'
  | 'zip_entry_damaged'
  | 'zip_total_too_large'
  // manifest and trust
  | 'manifest_json'
  | 'manifest_format'
  | 'manifest_field'
  | 'signature_missing'
  | 'signature_encoding'
  | 'signature_invalid'
  | 'file_not_in_manifest'
  | 'file_missing'
  | 'file_sha256'
  | 'file_rows'
  | 'point_mismatch'
  | 'batch_id_reused'
  | 'card_year_mismatch'
  // csv structure: what the CSV reader finds (CsvProblemCode), and what a batch file adds
  | CsvProblemCode
  | 'csv_missing_field'
  | 'csv_too_many_rows'
  // cards.csv fields
  | 'card_number_format'
  | 'card_number_check'
  | 'card_number_duplicate'
  | 'stamboek_format'
  | 'stamboek_padded'
  | 'stamboek_duplicate'
  | 'name_empty'
  | 'postcode_invalid'
  | 'school_invalid'
  | 'status_invalid'
  // points.csv fields
  | 'point_id_empty'
  | 'point_id_duplicate'
  | 'point_postcodes_invalid'
  | 'point_date_invalid'
  // applying to the store (reported, not errors)
  | 'conflict_handed_out'
  | 'skipped_older'
  // the list was cut short: `value` says how many more problems there were
  | 'problems_more';

/** What is wrong with a ZIP entry's structure, for zip_entry_damaged and zip_unreadable. */
export type ZipDamage =
  | 'zip64'
  | 'multi_disk'
  | 'directory'
  | 'too_many_entries'
  | 'local_header'
  | 'header_mismatch'
  | 'outside_file'
  | 'descriptor'
  | 'overlap'
  | 'encrypted'
  | 'method'
  | 'size_mismatch'
  | 'inflate'
  | 'too_long'
  | 'too_short'
  | 'truncated'
  | 'read_failed';

export type ProblemSeverity = 'error' | 'warning';

export interface ImportProblem {
  code: ImportProblemCode;
  severity: ProblemSeverity;
  /** Entry in the package (`cards.csv`, `manifest.json`, ...) or the package itself (`package`). */
  file: string;
  /** 1-based physical line where the CSV record starts (the header is line 1). */
  line?: number;
  /** 1-based column position and header name of the field, for CSV problems. */
  column?: number;
  columnName?: string;
  /** The offending value when it is not personal data (card numbers, postcodes, codes). */
  value?: string;
  /** Extra facts for the message: expected value, other line, ... */
  expected?: string;
  otherLine?: number;
  /** For zip_entry_damaged / zip_unreadable: what exactly is wrong with the entry. */
  zipDamage?: ZipDamage;
}

export function isError(problem: ImportProblem): boolean {
  return problem.severity === 'error';
}
