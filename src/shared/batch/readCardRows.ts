import {
  columnRef,
  fieldOf,
  firstUnreachedColumn,
  locateColumns,
  parseCsv,
  sortByPosition,
} from '../csv/parseCsv';
import type { ColumnLayout, CsvColumn, CsvRecord, CsvSeparator, ParsedCsv } from '../csv/parseCsv';
import { cardCheckDigits } from '../domain/cardNumber';
import { isValidPostcode } from '../domain/postcode';
import { normalizeStamboeknummer } from '../domain/stamboeknummer';
import type { ImportProblem, ImportProblemCode, ProblemSeverity } from './importProblem';
import type { CardRow, IssuerStatus } from './rows';

/**
 * cards.csv text to validated rows, per the batch spec. Every problem is collected (the caller
 * shows the first ones and a count); a record with an error yields no row. Stamboeknummers and
 * names are personal data: they never go into a problem's `value`.
 */
export interface CardRowsResult {
  rows: CardRow[];
  problems: ImportProblem[];
}

const FILE = 'cards.csv';
/** The columns of cards.csv (spec/batch-format.md), in the order the issuer writes them. */
export const CARDS_CSV_COLUMNS = [
  'kaartnummer',
  'stamboeknummer',
  'voornaam',
  'achternaam',
  'postcode',
  'gemeente',
  'instellingsnummer',
  'status',
] as const;
const KNOWN = CARDS_CSV_COLUMNS;
export type CardColumn = (typeof KNOWN)[number];
const REQUIRED: readonly CardColumn[] = [
  'kaartnummer',
  'stamboeknummer',
  'voornaam',
  'achternaam',
  'postcode',
];
type Columns = Partial<Record<CardColumn, CsvColumn>>;

const TWELVE_DIGITS = /^\d{12}$/;
const DIGITS = /^\d+$/;

/**
 * Where the rows go and who remembers the card and stamboek numbers seen so far, to find
 * duplicates. In memory for a small file (readCardRows); a SQLite staging table for an import,
 * so a million rows cost no memory here.
 */
export interface CardStage {
  /**
   * Keeps the row (null when the record had an error) with its valid card and stamboek numbers,
   * and says on which line either was seen before (undefined when new).
   */
  add(
    line: number,
    card: string | null,
    stamboeknummer: string | null,
    row: CardRow | null,
  ): { cardLine: number | undefined; stamboekLine: number | undefined };
}

class MemoryStage implements CardStage {
  readonly rows: CardRow[] = [];
  private readonly cardLines = new Map<string, number>();
  private readonly stamboekLines = new Map<string, number>();

  add(line: number, card: string | null, stamboeknummer: string | null, row: CardRow | null) {
    const cardLine = card === null ? undefined : firstSeen(this.cardLines, card, line);
    const stamboekLine =
      stamboeknummer === null ? undefined : firstSeen(this.stamboekLines, stamboeknummer, line);
    if (row && cardLine === undefined && stamboekLine === undefined) this.rows.push(row);
    return { cardLine, stamboekLine };
  }
}

/** The line where key was first seen, or undefined (and remember this line) when it is new. */
function firstSeen(lines: Map<string, number>, key: string, line: number): number | undefined {
  const earlier = lines.get(key);
  if (earlier === undefined) lines.set(key, line);
  return earlier;
}

/** Reads cards.csv from its text, or from the parse the package check already made. */
export function readCardRows(input: string | ParsedCsv): CardRowsResult {
  const parsed = typeof input === 'string' ? parseCsv(input, FILE) : input;
  const layout = locateColumns(parsed, KNOWN, REQUIRED, FILE);
  const problems: ImportProblem[] = [...parsed.problems, ...layout.problems];
  if (layout.problems.length > 0) return { rows: [], problems: sortByPosition(problems) };
  const stage = new MemoryStage();
  const reader = new CardRecordReader(layout.columns, (p) => problems.push(p), stage);
  for (const record of parsed.records) reader.read(record);
  return { rows: stage.rows, problems: sortByPosition(problems) };
}

/** The cards.csv columns found in a header line, or the problems that make the file unreadable. */
export function locateCardColumns(header: CsvRecord, separator: CsvSeparator): ColumnLayout<CardColumn> {
  const parsed: ParsedCsv = {
    separator,
    header: header.fields,
    headerLine: header.line,
    records: [],
    problems: [],
  };
  return locateColumns(parsed, KNOWN, REQUIRED, FILE);
}

/** Reads records one by one into a stage, which finds duplicates. */
export class CardRecordReader {
  private readonly fieldsNeeded: number;
  private errors = 0;
  private line = 0;

  constructor(
    private readonly columns: Columns,
    private readonly report_: (problem: ImportProblem) => void,
    private readonly stage: CardStage,
  ) {
    this.fieldsNeeded = Math.max(...REQUIRED.map((k) => (columns[k]?.index ?? 0) + 1));
  }

  read(record: CsvRecord): void {
    this.line = record.line;
    this.errors = 0;
    if (!this.hasRequiredFields(record)) return;
    const c = this.columns;
    const card = this.cardNumber(fieldOf(record, c.kaartnummer));
    const stamboeknummer = this.stamboeknummer(fieldOf(record, c.stamboeknummer));
    const voornaam = this.name('voornaam', fieldOf(record, c.voornaam));
    const achternaam = this.name('achternaam', fieldOf(record, c.achternaam));
    const postcode = this.postcode(fieldOf(record, c.postcode));
    const school = this.school(fieldOf(record, c.instellingsnummer));
    const status = this.status(fieldOf(record, c.status));
    const gemeente = fieldOf(record, c.gemeente) || null;
    const valid = this.errors === 0 && card !== null && stamboeknummer !== null && status !== null;
    const row: CardRow | null = valid
      ? { line: record.line, card, stamboeknummer, voornaam, achternaam, postcode, gemeente, school, status }
      : null;
    const seen = this.stage.add(record.line, card, stamboeknummer, row);
    if (seen.cardLine !== undefined)
      this.report('card_number_duplicate', c.kaartnummer, { value: card ?? '', otherLine: seen.cardLine });
    if (seen.stamboekLine !== undefined)
      this.report('stamboek_duplicate', c.stamboeknummer, { otherLine: seen.stamboekLine });
  }

  private hasRequiredFields(record: CsvRecord): boolean {
    const missing = firstUnreachedColumn(
      record,
      REQUIRED.map((k) => this.columns[k]),
    );
    if (!missing) return true;
    const extra = { value: String(record.fields.length), expected: String(this.fieldsNeeded) };
    this.report('csv_missing_field', missing, extra);
    return false;
  }

  private cardNumber(raw: string): string | null {
    const column = this.columns.kaartnummer;
    if (!TWELVE_DIGITS.test(raw)) return this.report('card_number_format', column, { value: raw });
    const expected = cardCheckDigits(raw.slice(0, 10));
    if (raw.slice(10) !== expected) return this.report('card_number_check', column, { value: raw, expected });
    return raw;
  }

  private stamboeknummer(raw: string): string | null {
    const column = this.columns.stamboeknummer;
    const normalized = normalizeStamboeknummer(raw);
    if (!normalized.ok) return this.report('stamboek_format', column);
    if (normalized.padded) this.report('stamboek_padded', column, {}, 'warning');
    return normalized.value;
  }

  private name(k: 'voornaam' | 'achternaam', raw: string): string {
    if (raw === '') this.report('name_empty', this.columns[k]);
    return raw;
  }

  private postcode(raw: string): string {
    if (!isValidPostcode(raw)) this.report('postcode_invalid', this.columns.postcode, { value: raw });
    return raw;
  }

  private school(raw: string): string | null {
    if (raw === '') return null;
    if (!DIGITS.test(raw)) this.report('school_invalid', this.columns.instellingsnummer, { value: raw });
    return raw;
  }

  private status(raw: string): IssuerStatus | null {
    const status = raw.toLowerCase();
    if (status === '' || status === 'beschikbaar') return 'beschikbaar';
    if (status === 'ingetrokken') return 'ingetrokken';
    return this.report('status_invalid', this.columns.status, { value: raw });
  }

  private report(
    code: ImportProblemCode,
    column: CsvColumn | undefined,
    extra: Pick<ImportProblem, 'value' | 'expected' | 'otherLine'> = {},
    severity: ProblemSeverity = 'error',
  ): null {
    if (severity === 'error') this.errors++;
    this.report_({ code, severity, file: FILE, line: this.line, ...columnRef(column), ...extra });
    return null;
  }
}
