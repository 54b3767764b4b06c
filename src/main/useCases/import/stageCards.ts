import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { ImportProblem } from '../../../shared/batch/importProblem';
import type { Manifest } from '../../../shared/batch/manifest';
import { ProblemCollector } from '../../../shared/batch/problemCollector';
import {
  CardRecordReader,
  locateCardColumns,
  type CardColumn,
  type CardStage,
} from '../../../shared/batch/readCardRows';
import { columnRef, type ColumnLayout } from '../../../shared/csv/parseCsv';
import type { CardRow } from '../../../shared/batch/rows';
import { CsvStreamParser } from '../../../shared/csv/csvStream';
import { fixWindows1252 } from '../../../shared/csv/decodeText';
import { nameIndexTexts } from '../../../shared/search/foldName';
import { inflateEntry, type ZipEntry } from '../../platform/zip/readZip';
import { toZipSource, type ZipInput, type ZipSource } from '../../platform/zip/zipSource';

/**
 * cards.csv from the ZIP into a staging table, in one pass and bounded memory: inflate a chunk,
 * hash it, decode it, parse the records in it, validate them and insert them. Nothing of the
 * file is held beyond one chunk; duplicates are found by the table's unique columns. The file is
 * read as UTF-8 first; only when that fails is it read again as Windows-1252 (spec).
 */
export const MAX_CARD_ROWS = 1_000_000;

export interface StagedCards {
  /** Data rows read (header excluded), as the manifest counts them. */
  rows: number;
  sha256: string;
  /** Capped error list (first 50, then problems_more); empty when the file is fine. */
  errors: ImportProblem[];
  warnings: ImportProblem[];
  /** The file could not be read to its end (unterminated quote, too long, too many rows). */
  broken: boolean;
}

export type StageOutcome = { ok: true; staged: StagedCards } | { ok: false; problem: ImportProblem };

const FILE = 'cards.csv';

/**
 * `line` is the rowid (each record starts on its own line, in increasing order), so reading the
 * rows in file order needs no sort; `action` starts as 'insert', planImport sets the known cards.
 */
export const STAGING_COLUMNS = `line INTEGER PRIMARY KEY, card TEXT, stamboeknummer TEXT,
  voornaam TEXT, achternaam TEXT, postcode TEXT, gemeente TEXT, school TEXT, issuer_status TEXT,
  search_text TEXT, name_key TEXT, valid INTEGER NOT NULL, known_id INTEGER, action TEXT NOT NULL DEFAULT 'insert'`;
/** Page cache of the temp schema during an import (the default 2 MiB makes staging spill). */
const TEMP_CACHE_KIB = 64 * 1024;

const STAGED_FIELDS = 12;
/** Rows per INSERT: one statement call per row was most of the staging time (bench: 200k rows). */
const ROWS_PER_INSERT = 64;

/**
 * Rows go into the table as they come, a few dozen per INSERT; duplicates are found afterwards
 * with one GROUP BY each (a sort), which is much faster than keeping two unique indexes up to
 * date row by row. Call flush() after the last row.
 */
class TableStage implements CardStage {
  private readonly insertMany: Statement;
  private readonly insertOne: Statement;
  private readonly pending: unknown[] = [];

  constructor(db: Database, table: string) {
    const sql = (rows: number) =>
      `INSERT INTO ${table} (line, card, stamboeknummer, voornaam, achternaam, postcode, gemeente, school,
         issuer_status, search_text, name_key, valid) VALUES ${Array.from(
           { length: rows },
           () => `(${Array.from({ length: STAGED_FIELDS }, () => '?').join(', ')})`,
         ).join(', ')}`;
    this.insertMany = db.prepare(sql(ROWS_PER_INSERT));
    this.insertOne = db.prepare(sql(1));
  }

  add(line: number, card: string | null, stamboeknummer: string | null, row: CardRow | null) {
    if (row === null) {
      if (card !== null || stamboeknummer !== null)
        this.push(line, card, stamboeknummer, null, null, null, null, null, null, null, null, 0);
    } else {
      const names = nameIndexTexts(row.voornaam, row.achternaam);
      this.push(
        line,
        card,
        stamboeknummer,
        row.voornaam,
        row.achternaam,
        row.postcode,
        row.gemeente,
        row.school,
        row.status,
        names.searchText,
        names.sortKey,
        1,
      );
    }
    return { cardLine: undefined, stamboekLine: undefined };
  }

  flush(): void {
    for (let i = 0; i < this.pending.length; i += STAGED_FIELDS)
      this.insertOne.run(this.pending.slice(i, i + STAGED_FIELDS));
    this.pending.length = 0;
  }

  private push(...fields: unknown[]): void {
    this.pending.push(...fields);
    if (this.pending.length === ROWS_PER_INSERT * STAGED_FIELDS) {
      this.insertMany.run(this.pending);
      this.pending.length = 0;
    }
  }
}

/** card_number_duplicate and stamboek_duplicate for every later line with a number seen before. */
function reportDuplicates(
  db: Database,
  table: string,
  layout: ColumnLayout<CardColumn>,
  problems: ProblemCollector,
): void {
  for (const [column, code] of [
    ['card', 'card_number_duplicate'],
    ['stamboeknummer', 'stamboek_duplicate'],
  ] as const) {
    const rows = db
      .prepare(
        `SELECT s.line, s.${column} AS value, d.first FROM ${table} s
         JOIN (SELECT ${column} AS value, min(line) AS first FROM ${table} WHERE ${column} IS NOT NULL
               GROUP BY ${column} HAVING count(*) > 1) d ON d.value = s.${column}
         WHERE s.line > d.first ORDER BY s.line`,
      )
      .iterate() as IterableIterator<{ line: number; value: string; first: number }>;
    const ref = columnRef(layout.columns[column === 'card' ? 'kaartnummer' : 'stamboeknummer']);
    for (const r of rows) {
      problems.add({
        code,
        severity: 'error',
        file: FILE,
        line: r.line,
        ...ref,
        // A stamboeknummer is personal data: never in a message.
        ...(code === 'card_number_duplicate' ? { value: r.value } : {}),
        otherLine: r.first,
      });
    }
  }
}

class StopReading extends Error {}

/** Creates `table` (temp) and fills it from the entry; the caller drops it. */
export function stageCards(
  db: Database,
  table: string,
  input: ZipInput,
  entry: ZipEntry,
  onRows: (rows: number) => void = () => {},
): StageOutcome {
  const source = toZipSource(input);
  const first = stageOnce(db, table, source, entry, 'utf-8', onRows);
  if (first !== 'not_utf8') return first;
  return stageOnce(db, table, source, entry, 'windows-1252', onRows) as StageOutcome;
}

function stageOnce(
  db: Database,
  table: string,
  source: ZipSource,
  entry: ZipEntry,
  encoding: 'utf-8' | 'windows-1252',
  onRows: (rows: number) => void,
): StageOutcome | 'not_utf8' {
  db.exec(`DROP TABLE IF EXISTS temp.${table}; CREATE TEMP TABLE ${table} (${STAGING_COLUMNS})`);
  db.pragma(`temp.cache_size = -${TEMP_CACHE_KIB}`);
  const stage = new TableStage(db, `temp.${table}`);
  const problems = new ProblemCollector();
  let rows = 0;
  let broken = false;
  let reader: CardRecordReader | null = null;
  let layoutFound: ColumnLayout<CardColumn> | null = null;
  let headerBad = false;
  const parser = new CsvStreamParser(FILE, {
    onHeader(header, separator) {
      const layout = locateCardColumns(header, separator);
      for (const p of layout.problems) problems.add(p);
      if (layout.problems.length > 0) headerBad = true;
      else {
        layoutFound = layout;
        reader = new CardRecordReader(layout.columns, (p) => problems.add(p), stage);
      }
    },
    onRecord(record) {
      rows++;
      if (rows > MAX_CARD_ROWS) {
        problems.add({
          code: 'csv_too_many_rows',
          severity: 'error',
          file: FILE,
          expected: String(MAX_CARD_ROWS),
        });
        broken = true;
        throw new StopReading();
      }
      reader?.read(record);
      onRows(rows);
    },
    onProblem(p) {
      problems.add(p);
      if (p.code === 'csv_unterminated_quote' || p.code === 'csv_record_too_long') broken = true;
    },
  });
  const hash = createHash('sha256');
  // fatal: a byte sequence that is not UTF-8 means the whole file is Windows-1252.
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false });
  let notUtf8 = false;
  let atStart = true;
  let outcome;
  // One transaction for the staging rows: temp tables only, the store itself is not written.
  const fill = db.transaction(() =>
    inflateEntry(source, entry, (chunk) => {
      hash.update(chunk);
      if (parser.isStopped) return;
      let body = chunk;
      // The UTF-8 decoder drops a BOM itself; a Windows-1252 file may still start with one.
      if (
        atStart &&
        encoding === 'windows-1252' &&
        chunk[0] === 0xef &&
        chunk[1] === 0xbb &&
        chunk[2] === 0xbf
      )
        body = chunk.subarray(3);
      atStart = false;
      let text: string;
      try {
        text = decoder.decode(body, { stream: true });
      } catch {
        notUtf8 = true;
        throw new StopReading();
      }
      parser.push(encoding === 'windows-1252' ? fixWindows1252(text) : text);
    }),
  );
  try {
    outcome = fill();
  } catch (error) {
    if (!(error instanceof StopReading)) throw error;
    outcome = { ok: true as const };
  }
  if (notUtf8) return 'not_utf8';
  if (!outcome.ok) return outcome;
  if (!broken) {
    try {
      parser.push(decoder.decode());
      parser.end();
    } catch {
      return encoding === 'utf-8'
        ? 'not_utf8'
        : { ok: false, problem: { code: 'csv_empty', severity: 'error', file: FILE } };
    }
  }
  db.transaction(() => stage.flush())();
  if (!reader && !headerBad && !broken) problems.add({ code: 'csv_empty', severity: 'error', file: FILE });
  if (layoutFound !== null && !broken) reportDuplicates(db, `temp.${table}`, layoutFound, problems);
  return {
    ok: true,
    staged: {
      rows,
      sha256: broken ? '' : hash.digest('hex'),
      errors: problems.errorList(),
      warnings: problems.warningList(),
      broken,
    },
  };
}

/**
 * What refuses cards.csv, in the order that explains it best: a file that is not the one the
 * manifest describes says only that; then a file that could not be read to its end; then a row
 * count that differs; then the row problems.
 */
export function cardsProblems(manifest: Manifest, staged: StagedCards): ImportProblem[] {
  const listed = manifest.files['cards.csv'];
  if (listed === undefined)
    return [{ code: 'file_missing', severity: 'error', file: 'cards.csv', value: 'cards.csv' }];
  if (staged.sha256 !== '' && staged.sha256 !== listed.sha256)
    return [
      {
        code: 'file_sha256',
        severity: 'error',
        file: 'cards.csv',
        expected: listed.sha256,
        value: staged.sha256,
      },
    ];
  if (staged.broken) return staged.errors;
  if (staged.rows !== listed.rows)
    return [
      {
        code: 'file_rows',
        severity: 'error',
        file: 'cards.csv',
        expected: String(listed.rows),
        value: String(staged.rows),
      },
    ];
  return staged.errors;
}
