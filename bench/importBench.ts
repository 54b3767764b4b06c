import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { importBatch } from '../src/main/useCases/import/importBatch';
import { readBatchPackage } from '../src/main/useCases/import/readPackage';
import { inflateWhole } from '../src/main/platform/zip/readZip';
import { loadPublicKey } from '../src/main/platform/crypto/ed25519';
import { initPoint } from '../src/main/useCases/admin/initPoint';
import { openStore } from '../src/main/store/openStore';
import { insertCardsInBulk } from '../src/main/store/bulkCards';
import type { StoreContext } from '../src/main/store/storeContext';
import { readCardRows } from '../src/shared/batch/readCardRows';
import { decodeCsvBytes } from '../src/shared/csv/decodeText';
import { nameSearchText, nameSortKey } from '../src/shared/search/foldName';
import { fixedClock } from '../src/shared/time/clock';
import { BENCH_POINT, CARD_COLUMNS, type Dataset } from './dataset';
import { since } from './stats';

export const SQLITE3_SHELL = '/usr/bin/sqlite3';
const TIME = '/usr/bin/time';

export function openBenchStore(dir: string, name: string, publicKeyPem: string): StoreContext {
  const dbPath = path.join(dir, name);
  const opened = openStore(dbPath);
  if (!opened.ok) throw new Error(`cannot open bench store ${dbPath}: ${opened.error}`);
  const ctx: StoreContext = {
    db: opened.value,
    clock: fixedClock('2026-11-02T09:30:00Z'),
    dbPath,
    backupDir: path.join(dir, `${name}-backups`),
  };
  const init = initPoint(ctx, { ...BENCH_POINT, issuerPublicKeyPem: publicKeyPem });
  if (!init.ok) throw new Error(`cannot init bench store: ${init.error}`);
  return ctx;
}

export interface OurImportResult {
  /** openStore + migrations + initPoint on a fresh file (not part of the import figure). */
  openMs: number;
  /** Read the .lkb file + importBatch: verify, parse, plan, backup, insert, FTS, commit. */
  importMs: number;
  /** CPU time (user + system) of the same span: less shaken by other work on the machine. */
  importCpuMs: number;
  added: number;
  dbPath: string;
  dbBytes: number;
}

export async function runOurImport(ds: Dataset, dir: string, publicKeyPem: string): Promise<OurImportResult> {
  let start = performance.now();
  const ctx = openBenchStore(dir, `ours-${ds.size}.sqlite`, publicKeyPem);
  const openMs = since(start);

  start = performance.now();
  const cpu = process.cpuUsage();
  const bytes = fs.readFileSync(ds.packagePath);
  const result = await importBatch(ctx, bytes);
  const importMs = since(start);
  const used = process.cpuUsage(cpu);
  if (!result.ok) throw new Error(`importBatch failed: ${JSON.stringify(result).slice(0, 500)}`);
  if (result.value.added !== ds.size)
    throw new Error(`importBatch added ${result.value.added}, expected ${ds.size}`);
  ctx.db.close(); // checkpoints the WAL, as a desk restart would
  return {
    openMs,
    importMs,
    importCpuMs: (used.user + used.system) / 1000,
    added: result.value.added,
    dbPath: ctx.dbPath,
    dbBytes: fs.statSync(ctx.dbPath).size,
  };
}

/**
 * The schema as SQL, copied from a fresh store's sqlite_schema in creation order: tables, indexes,
 * triggers and the FTS5 virtual table (which creates its own shadow tables).
 */
export function schemaSql(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid`,
    )
    .all() as { type: string; name: string; sql: string }[];
  const virtualTables = rows
    .filter((r) => r.type === 'table' && /^CREATE VIRTUAL TABLE/i.test(r.sql))
    .map((r) => r.name);
  const isShadow = (r: { type: string; name: string }): boolean =>
    r.type === 'table' && virtualTables.some((v) => r.name.startsWith(`${v}_`));
  return rows.filter((r) => !isShadow(r)).map((r) => `${r.sql};`);
}

export interface ShellImportResult {
  ms: number;
  /** CPU time of the shell process (user + system, from /usr/bin/time), null without it. */
  cpuMs: number | null;
  dbPath: string;
  dbBytes: number;
  version: string;
  script: string;
}

export function sqlite3ShellVersion(): string | null {
  if (!fs.existsSync(SQLITE3_SHELL)) return null;
  const run = spawnSync(SQLITE3_SHELL, ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? (run.stdout.split(' ')[0] ?? '').trim() : null;
}

const sqlText = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/**
 * The floor: Debian's sqlite3 shell loads the same rows into the same schema (WAL, synchronous=FULL,
 * foreign keys on), in one transaction, via `.import` into a staging table and one INSERT … SELECT
 * so the triggers fill the same FTS index. Timed as the wall time of the shell process.
 */
export function runShellImport(ds: Dataset, dir: string, schema: readonly string[]): ShellImportResult {
  const dbPath = path.join(dir, `shell-${ds.size}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  const columns = CARD_COLUMNS.join(', ');
  const select = CARD_COLUMNS.map((c) => (c === 'gemeente' || c === 'school' ? `NULLIF(${c}, '')` : c)).join(
    ', ',
  );
  const script = [
    'PRAGMA journal_mode=WAL;',
    'PRAGMA synchronous=FULL;',
    'PRAGMA foreign_keys=ON;',
    'PRAGMA temp_store=MEMORY;',
    ...schema,
    'BEGIN;',
    `INSERT INTO batches (batch_id, point_id, point_name, card_year, issued_at, available_from, available_until,
       package_sha256, signature, imported_at, card_rows, summary)
     VALUES (${sqlText(ds.batchId)}, ${sqlText(BENCH_POINT.pointId)}, ${sqlText(BENCH_POINT.pointName)}, 2027,
       '2026-09-15T10:30:00+02:00', '2026-11-01', '2027-06-30', 'shell', 'valid', '2026-11-02T10:30:00+01:00',
       ${ds.size}, '{}');`,
    `CREATE TEMP TABLE staging (${CARD_COLUMNS.map((c) => `${c} TEXT`).join(', ')});`,
    `.import --csv --skip 1 --schema temp ${JSON.stringify(ds.shellCsvPath)} staging`,
    `INSERT INTO cards (${columns}) SELECT ${select} FROM temp.staging;`,
    'DROP TABLE temp.staging;',
    'COMMIT;',
    '',
  ].join('\n');
  // /usr/bin/time writes the shell's CPU time to a file (-o), so stderr stays the shell's own.
  const timeFile = path.join(dir, `shell-${ds.size}.time`);
  const timed = fs.existsSync(TIME);
  const [command, args] = timed
    ? [TIME, ['-o', timeFile, '-f', '%U %S', SQLITE3_SHELL, '-bail', dbPath]]
    : [SQLITE3_SHELL, ['-bail', dbPath]];
  const start = performance.now();
  const run = spawnSync(command, args, { input: script, encoding: 'utf8' });
  const ms = since(start);
  if (run.status !== 0 || run.stderr.trim() !== '') {
    throw new Error(`sqlite3 shell import failed (exit ${run.status}): ${run.stderr.slice(0, 1000)}`);
  }
  const seconds = timed ? fs.readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number) : [];
  const cpuMs =
    seconds.length === 2 && seconds.every(Number.isFinite) ? (seconds[0]! + seconds[1]!) * 1000 : null;
  return {
    ms,
    cpuMs,
    dbPath,
    dbBytes: fs.statSync(dbPath).size,
    version: sqlite3ShellVersion() ?? '?',
    script,
  };
}

/** Same cards rows and the same FTS content in both files? */
export function compareStores(ours: string, shell: string): { identical: boolean; detail: string } {
  const digest = (file: string): { cards: string; ftsRows: number; peeters: number } => {
    const db = new Database(file, { readonly: true });
    try {
      const hash = createHash('sha256');
      const stmt = db
        .prepare(`SELECT id, ${CARD_COLUMNS.join(', ')}, replaced_by FROM cards ORDER BY id`)
        .raw();
      for (const row of stmt.iterate()) hash.update(JSON.stringify(row));
      const ftsRows = (db.prepare('SELECT count(*) AS n FROM cards_fts_docsize').get() as { n: number }).n;
      const peeters = (
        db.prepare(`SELECT count(*) AS n FROM cards_fts WHERE cards_fts MATCH '"pee"* "j"*'`).get() as {
          n: number;
        }
      ).n;
      return { cards: hash.digest('hex'), ftsRows, peeters };
    } finally {
      db.close();
    }
  };
  const a = digest(ours);
  const b = digest(shell);
  const identical = a.cards === b.cards && a.ftsRows === b.ftsRows && a.peeters === b.peeters;
  return {
    identical,
    detail: identical
      ? `cards rows identical (sha256 ${a.cards.slice(0, 12)}), FTS rows ${a.ftsRows}, probe "pee* j*" ${a.peeters}`
      : `DIFFERENT: ours ${JSON.stringify(a)} shell ${JSON.stringify(b)}`,
  };
}

export interface ImportBreakdown {
  /** unzip + manifest + Ed25519 signature + file hashes (readBatchPackage). */
  verifyMs: number;
  /** decode + CSV parse + validation (decodeCsvBytes + readCardRows). */
  parseMs: number;
  /** nameSearchText and nameSortKey for every row. */
  foldMs: number;
  /** Rows into a TEMP staging table, then one INSERT … SELECT with the per-row name_words and FTS triggers. */
  insertTriggersMs: number;
  /** The same, as importBatch does it: the insert triggers off, both indexes filled after (insertCardsInBulk). */
  insertBulkMs: number;
}

/**
 * Where importBatch's time goes, re-running its steps one by one with the same src functions, and
 * the insert from a TEMP staging table both with the per-row triggers and as importBatch does it.
 */
export function importBreakdown(ds: Dataset, dir: string, publicKeyPem: string): ImportBreakdown {
  const key = loadPublicKey(publicKeyPem);
  if (!key.ok) throw new Error('bad public key');
  const bytes = fs.readFileSync(ds.packagePath);
  let start = performance.now();
  const pkg = readBatchPackage(bytes, {
    issuerPublicKey: key.value,
    allowUnsigned: false,
    expectedPointId: BENCH_POINT.pointId,
  });
  const verifyMs = since(start);
  if (!pkg.ok) throw new Error('readBatchPackage failed');
  start = performance.now();
  const cardsCsv = inflateWhole(pkg.value.source, pkg.value.cards);
  if (!cardsCsv.ok) throw new Error('cards.csv does not inflate');
  const { rows } = readCardRows(decodeCsvBytes(cardsCsv.value).text);
  const parseMs = since(start);
  start = performance.now();
  const texts = rows.map((r) => nameSearchText(r.voornaam, r.achternaam));
  const keys = rows.map((r) => nameSortKey(r.voornaam, r.achternaam));
  const foldMs = since(start);
  const values = rows.map((r, i) => [
    r.card,
    r.stamboeknummer,
    r.voornaam,
    r.achternaam,
    r.postcode,
    r.gemeente,
    r.school,
    r.status,
    ds.batchId,
    ds.batchId,
    texts[i],
    keys[i],
  ]);

  const timeInsert = (name: string, bulk: boolean): number => {
    const ctx = openBenchStore(dir, name, publicKeyPem);
    const { db } = ctx;
    db.prepare(
      `INSERT INTO batches (batch_id, point_id, point_name, card_year, issued_at, available_from, available_until,
         package_sha256, signature, imported_at, card_rows, summary)
       VALUES (?, ?, ?, 2027, 'x', 'x', 'x', 'x', 'valid', 'x', ?, '{}')`,
    ).run(ds.batchId, BENCH_POINT.pointId, BENCH_POINT.pointName, ds.size);
    const columns = CARD_COLUMNS.join(', ');
    const marks = CARD_COLUMNS.map(() => '?').join(', ');
    db.exec(`CREATE TEMP TABLE staging (${CARD_COLUMNS.map((c) => `${c} TEXT`).join(', ')})`);
    const insert = db.prepare(`INSERT INTO temp.staging VALUES (${marks})`);
    const fill = () =>
      db.exec(`INSERT INTO cards (${columns}) SELECT ${columns} FROM temp.staging ORDER BY rowid`);
    const t = performance.now();
    db.transaction(() => {
      for (const v of values) insert.run(v);
      if (bulk) insertCardsInBulk(db, fill);
      else fill();
      db.exec('DELETE FROM temp.staging');
    })();
    const ms = since(t);
    db.close();
    return ms;
  };
  const insertTriggersMs = timeInsert(`triggers-${ds.size}.sqlite`, false);
  const insertBulkMs = timeInsert(`bulk-${ds.size}.sqlite`, true);
  return { verifyMs, parseMs, foldMs, insertTriggersMs, insertBulkMs };
}
