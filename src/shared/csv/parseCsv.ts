import type { CsvProblem, CsvProblemCode } from './csvProblem';

/**
 * RFC 4180 reading as the batch spec allows it: `;` or `,` (from the header line), CRLF/LF/CR,
 * `"` quoting with `""`, spaces around unquoted fields trimmed, empty lines ignored.
 * One pass over char codes: 200,000 rows must read in a blink. Problems are values, never thrown.
 */
export type CsvSeparator = ';' | ',';

export interface CsvRecord {
  /** 1-based physical line where the record starts (a quoted newline pushes later records down). */
  line: number;
  fields: string[];
}

export interface ParsedCsv {
  separator: CsvSeparator;
  /** Fields of the first record; [] when the file holds no record at all. */
  header: string[];
  /** Physical line of the header: 1 unless empty lines precede it. */
  headerLine: number;
  /** The records after the header. */
  records: CsvRecord[];
  problems: CsvProblem[];
}

const QUOTE = 34; // "
const SEMICOLON = 59;
const COMMA = 44;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;
const BOM = 0xfeff;

export interface Scanner {
  readonly text: string;
  readonly n: number;
  readonly sep: number;
  readonly file: string;
  pos: number;
  line: number;
  readonly problems: CsvProblem[];
}

export function parseCsv(text: string, file = 'cards.csv'): ParsedCsv {
  const start = text.charCodeAt(0) === BOM ? 1 : 0; // a BOM that survived decoding is not a header char
  const separator = detectSeparator(text, start);
  const s: Scanner = {
    text,
    n: text.length,
    sep: separator === ';' ? SEMICOLON : COMMA,
    file,
    pos: start,
    line: 1,
    problems: [],
  };
  const all: CsvRecord[] = [];
  while (s.pos < s.n) {
    const record = readRecord(s);
    if (record) all.push(record);
  }
  const first = all[0];
  return {
    separator,
    header: first ? first.fields : [],
    headerLine: first ? first.line : 1,
    records: all.slice(1),
    problems: s.problems,
  };
}

/** A reader positioned at the start of text, reporting into problems (csvStream reads piece by piece). */
export function newScanner(
  text: string,
  separator: CsvSeparator,
  file: string,
  line: number,
  problems: CsvProblem[],
): Scanner {
  return { text, n: text.length, sep: separator === ';' ? SEMICOLON : COMMA, file, pos: 0, line, problems };
}

/** One record from s.pos (null for an empty line or an unreadable rest). */
export function readRecordAt(s: Scanner): CsvRecord | null {
  return readRecord(s);
}

/** The first `;` or `,` outside quotes on the header line; `;` when there is none. */
export function detectSeparator(text: string, start: number): CsvSeparator {
  return separatorIfDecided(text, start) ?? ';';
}

/**
 * As detectSeparator, but null when the text ends before the header line does (the streamed
 * reader then waits for more text).
 */
export function separatorIfDecided(text: string, start: number): CsvSeparator | null {
  let inQuotes = false;
  let sawContent = false; // leading empty lines are skipped, like the parser does
  for (let p = start; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (c === QUOTE) {
      inQuotes = !inQuotes;
      sawContent = true;
    } else if (inQuotes) continue;
    else if (c === SEMICOLON) return ';';
    else if (c === COMMA) return ',';
    else if (c === CR || c === LF) {
      if (sawContent) return ';';
    } else if (c !== SPACE && c !== TAB) sawContent = true;
  }
  return null;
}

/**
 * One record from s.pos through its line end; null for an empty line or an unreadable rest.
 * Unquoted fields and line ends, nearly all of the work, run on locals: this loop sets the speed.
 */
function readRecord(s: Scanner): CsvRecord | null {
  const { text, n, sep } = s;
  const line = s.line;
  const fields: string[] = [];
  let quoted = false;
  let p = s.pos;
  for (;;) {
    let c = text.charCodeAt(p);
    while (c === SPACE || c === TAB) c = text.charCodeAt(++p);
    if (c === QUOTE) {
      quoted = true;
      s.pos = p;
      const value = readQuoted(s, line, fields.length + 1);
      if (value === null) return null;
      fields.push(value);
      p = s.pos;
    } else {
      const from = p;
      while (p < n && c !== sep && c !== LF && c !== CR) c = text.charCodeAt(++p);
      fields.push(text.slice(from, trimEnd(text, from, p)));
    }
    if (p < n && text.charCodeAt(p) === sep) p++;
    else break;
  }
  s.pos = p;
  skipLineEnd(s);
  // A line with nothing (or only spaces) on it is no record: spreadsheets leave those behind.
  if (!quoted && fields.length === 1 && fields[0] === '') return null;
  return { line, fields };
}

/** End of text[from, end) without trailing blanks. */
function trimEnd(text: string, from: number, end: number): number {
  while (end > from) {
    const c = text.charCodeAt(end - 1);
    if (c !== SPACE && c !== TAB) break;
    end--;
  }
  return end;
}

/** From s.pos up to the separator or line end, trailing blanks trimmed. */
function readUnquoted(s: Scanner): string {
  const { text, n, sep } = s;
  const from = s.pos;
  let p = from;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === sep || c === LF || c === CR) break;
    p++;
  }
  s.pos = p;
  return text.slice(from, trimEnd(text, from, p));
}

/** s.pos is on the opening quote. Null when the quote never closes (the rest of the file is lost). */
function readQuoted(s: Scanner, recordLine: number, column: number): string | null {
  const { text, n } = s;
  let p = s.pos + 1;
  let segment = p;
  let value = '';
  for (;;) {
    if (p >= n) {
      s.pos = n;
      report(s, 'csv_unterminated_quote', recordLine, column);
      return null;
    }
    const c = text.charCodeAt(p);
    if (c === QUOTE) {
      if (text.charCodeAt(p + 1) === QUOTE) {
        value += text.slice(segment, p + 1); // keep one quote of the pair
        p += 2;
        segment = p;
        continue;
      }
      value += text.slice(segment, p);
      s.pos = p + 1;
      return value + readAfterQuote(s, recordLine, column);
    }
    // Count CRLF once (at its LF), a lone CR or LF once each.
    if (c === LF || (c === CR && text.charCodeAt(p + 1) !== LF)) s.line++;
    p++;
  }
}

/** Only blanks may follow a closing quote; anything else is reported and kept as text. */
function readAfterQuote(s: Scanner, recordLine: number, column: number): string {
  let c = s.text.charCodeAt(s.pos);
  while (c === SPACE || c === TAB) c = s.text.charCodeAt(++s.pos);
  if (s.pos >= s.n) return '';
  if (c === s.sep || c === LF || c === CR) return '';
  report(s, 'csv_text_after_quote', recordLine, column);
  return readUnquoted(s);
}

function skipLineEnd(s: Scanner): void {
  const c = s.text.charCodeAt(s.pos);
  if (c === CR) {
    s.pos += s.text.charCodeAt(s.pos + 1) === LF ? 2 : 1;
    s.line++;
  } else if (c === LF) {
    s.pos++;
    s.line++;
  }
}

function report(s: Scanner, code: CsvProblemCode, line: number, column: number): void {
  s.problems.push({ code, severity: 'error', file: s.file, line, column });
}

// ---- Columns by name: shared by the cards.csv and points.csv readers. ----

/** Where a named column sits in the header. */
export interface CsvColumn {
  /** 0-based index into a record's fields. */
  index: number;
  /** The header text as written in the file (trimmed), for messages. */
  name: string;
}

export interface ColumnLayout<K extends string> {
  columns: Partial<Record<K, CsvColumn>>;
  /** csv_empty, csv_missing_column and csv_duplicate_column problems; rows can be read only without them. */
  problems: CsvProblem[];
}

/** Finds the known columns in the header: case-insensitive, any order, unknown columns ignored. */
export function locateColumns<K extends string>(
  parsed: ParsedCsv,
  known: readonly K[],
  required: readonly K[],
  file: string,
): ColumnLayout<K> {
  const line = parsed.headerLine;
  if (parsed.header.length === 0)
    return { columns: {}, problems: [{ code: 'csv_empty', severity: 'error', file }] };
  const byLowerName = new Map<string, K>(known.map((k) => [k.toLowerCase(), k]));
  const columns: Partial<Record<K, CsvColumn>> = {};
  const problems: CsvProblem[] = [];
  parsed.header.forEach((raw, index) => {
    const name = raw.trim();
    const key = byLowerName.get(name.toLowerCase());
    if (key === undefined) return;
    if (columns[key])
      problems.push({
        code: 'csv_duplicate_column',
        severity: 'error',
        file,
        line,
        column: index + 1,
        columnName: name,
      });
    else columns[key] = { index, name };
  });
  for (const key of required) {
    if (!columns[key])
      problems.push({ code: 'csv_missing_column', severity: 'error', file, line, columnName: key });
  }
  return { columns, problems };
}

/** The field's text, trimmed (also inside quotes: " 9000" is 9000); '' when the record is short. */
export function fieldOf(record: CsvRecord, column: CsvColumn | undefined): string {
  return column === undefined ? '' : (record.fields[column.index] ?? '').trim();
}

/** 1-based position and header name of a column, for a problem report. */
export function columnRef(column: CsvColumn | undefined): Pick<CsvProblem, 'column' | 'columnName'> {
  return column === undefined ? {} : { column: column.index + 1, columnName: column.name };
}

/** The leftmost of the given columns that the record does not reach, if any. */
export function firstUnreachedColumn(
  record: CsvRecord,
  columns: readonly (CsvColumn | undefined)[],
): CsvColumn | undefined {
  let first: CsvColumn | undefined;
  for (const c of columns) {
    if (c && c.index >= record.fields.length && (!first || c.index < first.index)) first = c;
  }
  return first;
}

/** Problems in file order (line, then column); stable, so equal positions keep their order. */
export function sortByPosition<P extends { line?: number; column?: number }>(problems: P[]): P[] {
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
