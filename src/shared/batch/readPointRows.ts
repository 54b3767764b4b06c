import {
  columnRef,
  fieldOf,
  firstUnreachedColumn,
  locateColumns,
  parseCsv,
  sortByPosition,
} from '../csv/parseCsv';
import type { CsvColumn, CsvRecord, ParsedCsv } from '../csv/parseCsv';
import { parsePostcodeList } from '../domain/pointsDirectory';
import { isIsoDate } from '../time/brussels';
import type { ImportProblem, ImportProblemCode } from './importProblem';
import type { PointRow } from './rows';

/** points.csv text (the public directory of distribution points) to validated rows. */
export interface PointRowsResult {
  rows: PointRow[];
  problems: ImportProblem[];
}

const FILE = 'points.csv';
const KNOWN = ['pointId', 'naam', 'adres', 'postcodes', 'openingsuren', 'tot'] as const;
type PointColumn = (typeof KNOWN)[number];
const REQUIRED: readonly PointColumn[] = ['pointId', 'postcodes'];
type Columns = Partial<Record<PointColumn, CsvColumn>>;

/** Reads points.csv from its text, or from the parse the package check already made. */
export function readPointRows(input: string | ParsedCsv): PointRowsResult {
  const parsed = typeof input === 'string' ? parseCsv(input, FILE) : input;
  const layout = locateColumns(parsed, KNOWN, REQUIRED, FILE);
  const problems = [...parsed.problems, ...layout.problems];
  const rows: PointRow[] = [];
  if (layout.problems.length === 0) {
    const seen = new Map<string, number>(); // pointId -> first line
    for (const record of parsed.records) {
      const row = readPoint(record, layout.columns, seen, problems);
      if (row) rows.push(row);
    }
  }
  return { rows, problems: sortByPosition(problems) };
}

function readPoint(
  record: CsvRecord,
  columns: Columns,
  seen: Map<string, number>,
  problems: ImportProblem[],
): PointRow | null {
  const before = problems.length;
  const report = (
    code: ImportProblemCode,
    column: CsvColumn | undefined,
    extra: Partial<ImportProblem> = {},
  ) =>
    problems.push({ code, severity: 'error', file: FILE, line: record.line, ...columnRef(column), ...extra });
  const required = REQUIRED.map((k) => columns[k]);
  const missing = firstUnreachedColumn(record, required);
  if (missing) {
    const needed = Math.max(...required.map((c) => (c?.index ?? 0) + 1));
    report('csv_missing_field', missing, { value: String(record.fields.length), expected: String(needed) });
    return null;
  }
  const field = (k: PointColumn): string => fieldOf(record, columns[k]);

  const pointId = field('pointId');
  if (pointId === '') report('point_id_empty', columns.pointId);
  else {
    const otherLine = seen.get(pointId);
    if (otherLine === undefined) seen.set(pointId, record.line);
    else report('point_id_duplicate', columns.pointId, { value: pointId, otherLine });
  }
  // A point without any postcode could never be found: an empty list is invalid too.
  const postcodes = parsePostcodeList(field('postcodes'));
  if (!postcodes || postcodes.length === 0)
    report('point_postcodes_invalid', columns.postcodes, { value: field('postcodes') });
  const tot = field('tot') || null;
  if (tot !== null && !isIsoDate(tot)) report('point_date_invalid', columns.tot, { value: tot });

  if (problems.length > before || !postcodes) return null;
  return {
    line: record.line,
    pointId,
    naam: field('naam'),
    adres: field('adres'),
    postcodes,
    openingsuren: field('openingsuren'),
    tot,
  };
}
