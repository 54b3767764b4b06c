/**
 * The kill rounds, shared by crash.test.ts (a fixed-seed slice) and scripts/kill-rounds.ts (the long
 * run): a worker process works one store (hand-outs, groups, imports of real signed packages) and is
 * SIGKILLed at a random point; then the store is reopened and checked against what was acknowledged.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { verifyAudit } from '../../src/main/store/audit/auditLog';
import { importBatch } from '../../src/main/useCases/import/importBatch';
import { openStore } from '../../src/main/store/openStore';
import { makeCardNumber } from '../../src/shared/domain/cardNumber';
import { CARDS_HEADER, makeTestPackage } from './packages';
import { testStore } from './store';
import { GROUP_SIZE, RESERVE_BATCH, seededRandom, type WorkerFocus } from './killPlan';

const REPO = path.resolve(import.meta.dirname, '../..');
const WORKER = path.join(import.meta.dirname, 'crashWorker.ts');
/** 10:00 in Brussels on a day inside the collection period; each round starts an hour later. */
const CLOCK_AT = Date.parse('2027-01-15T09:00:00Z');
const BASE_BATCH = '2027-BIB-GENT-BASE';
const RESERVE_CARDS = 20;
/** Generous: a worker on a loaded machine may take seconds to start. Never a pass/fail criterion. */
const ROUND_LIMIT_MS = 30_000;

export type KillMode =
  /** SIGKILL after a random delay once the worker is ready. */
  | 'delay'
  /** SIGKILL the moment the k-th acknowledgement is read. */
  | 'ack'
  /** The worker starts with an import; SIGKILL a random moment after it reported the import started. */
  | 'import'
  /** Mostly groups; SIGKILL a random moment after the first group was acknowledged. */
  | 'group';

export interface KillBenchOptions {
  dir: string;
  baseCards: number;
  packages: number;
  cardsPerPackage: number;
}

export interface KillBench {
  dbPath: string;
  packagesDir: string;
  /** Every package the worker may import: batch id → its card numbers. */
  packageCards: Map<string, string[]>;
  reserve: string[];
  /** What the workers acknowledged over all rounds so far. */
  acked: { handouts: Map<string, string>; groups: Map<string, number>; imports: Set<string> };
  /** Cards collected in the store after the last verified round. */
  collected: number;
}

export interface RoundOutcome {
  round: number;
  mode: KillMode;
  signal: NodeJS.Signals | null;
  handouts: number;
  groups: number;
  imports: number;
  /** The kill fell between "import-start" and the import's acknowledgement. */
  killedInImport: boolean;
  /** Committed in the store though never acknowledged (the operation in flight at the kill). */
  unacknowledgedCards: number;
  failures: string[];
  /** SIGSTOP rounds only: what the second desk got while the first was stopped. */
  secondWriter?: string;
}

function cardsCsv(first: number, count: number): string {
  const rows = [CARDS_HEADER];
  for (let i = first; i < first + count; i += 1) {
    rows.push(`${makeCardNumber(2_700_100_000 + i)};${80_000_000_000 + i};Leraar;Nummer ${i};9000;Gent;;`);
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** A store with base and reserve cards, and `packages` signed packages on disk for the workers. */
export async function prepareKillBench(options: KillBenchOptions): Promise<KillBench> {
  const store = testStore({ at: new Date(CLOCK_AT).toISOString() });
  let first = 1;
  for (const [batchId, count] of [
    [BASE_BATCH, options.baseCards],
    [RESERVE_BATCH, RESERVE_CARDS],
  ] as const) {
    const imported = await importBatch(store, makeTestPackage({ batchId, cardsCsv: cardsCsv(first, count) }));
    if (!imported.ok || imported.value.added !== count) throw new Error(`could not prepare ${batchId}`);
    first += count;
  }
  const reserve = store.db
    .prepare('SELECT card FROM cards WHERE first_batch_id = ? ORDER BY id')
    .pluck()
    .all(RESERVE_BATCH) as string[];
  store.db.close();
  const dbPath = path.join(options.dir, 'balie.sqlite');
  fs.copyFileSync(store.dbPath, dbPath);
  fs.rmSync(store.dir, { recursive: true, force: true });

  const packagesDir = path.join(options.dir, 'packages');
  fs.mkdirSync(packagesDir);
  const packageCards = new Map<string, string[]>();
  for (let p = 1; p <= options.packages; p += 1) {
    const batchId = `2027-BIB-GENT-K${String(p).padStart(3, '0')}`;
    const csv = cardsCsv(first, options.cardsPerPackage);
    first += options.cardsPerPackage;
    fs.writeFileSync(path.join(packagesDir, `${batchId}.lkb`), makeTestPackage({ batchId, cardsCsv: csv }));
    packageCards.set(
      batchId,
      csv
        .split('\r\n')
        .slice(1, -1)
        .map((row) => row.slice(0, 12)),
    );
  }
  return {
    dbPath,
    packagesDir,
    packageCards,
    reserve,
    acked: { handouts: new Map(), groups: new Map(), imports: new Set() },
    collected: 0,
  };
}

interface Watch {
  child: ChildProcess;
  closed: Promise<NodeJS.Signals | null>;
  stderr: () => string;
}

/** Starts a worker; `onLine` sees every stdout line, also those still in the pipe after the kill. */
function startWorker(args: string[], onLine: (line: string) => void): Watch {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let pending = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  const closed = new Promise<NodeJS.Signals | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve(signal));
  });
  return { child, closed, stderr: () => stderr };
}

interface RoundAcks {
  handouts: Map<string, string>;
  groups: Map<string, number>;
  imports: Set<string>;
  importInFlight: string | null;
  count: number;
  /** Set when the worker's store did not run with journal_mode WAL and synchronous FULL. */
  settings?: string;
}

function recordAck(acks: RoundAcks, line: string): 'ack' | 'import-start' | 'ready' | 'idle' | 'other' {
  const [kind, id, value] = line.split(' ');
  if (kind === 'idle') return 'idle';
  if (kind === 'ready') {
    // WAL, and synchronous = FULL (2): what makes an acknowledged hand-out survive a power cut.
    if (id !== undefined && (id !== 'wal' || value !== '2')) acks.settings = `${id} ${value ?? ''}`;
    return 'ready';
  }
  if (kind === 'import-start' && id) {
    acks.importInFlight = id;
    return 'import-start';
  }
  if (kind === 'handout' && id && value) acks.handouts.set(id, value);
  else if (kind === 'group' && id && value) acks.groups.set(id, Number(value));
  else if (kind === 'import' && id) {
    acks.imports.add(id);
    acks.importInFlight = null;
  } else return 'other';
  acks.count += 1;
  return 'ack';
}

/** One round: start a worker on the bench's store, SIGKILL it as `mode` says, then verify the store. */
export async function killRound(
  bench: KillBench,
  round: number,
  mode: KillMode,
  seed: number,
  stop?: { holdMs: number },
): Promise<RoundOutcome> {
  const random = seededRandom(seed);
  const focus: WorkerFocus = mode === 'import' ? 'import' : mode === 'group' ? 'group' : 'mixed';
  const acks: RoundAcks = {
    handouts: new Map(),
    groups: new Map(),
    imports: new Set(),
    importInFlight: null,
    count: 0,
  };
  const failures: string[] = [];
  const killAtAck = 1 + Math.floor(random() * 60);
  // Half the import rounds kill within 60 ms of the start (reading, checking), half up to 300 ms
  // later (the backup, the transaction, or just after it).
  const importDelayMs = random() < 0.5 ? 60 : 300;
  const delayMs = Math.floor(random() * (mode === 'delay' ? 500 : mode === 'import' ? importDelayMs : 150));
  let killed = false;
  let timer: NodeJS.Timeout | undefined;
  let secondWriter: Promise<string> | undefined;
  let worker: Watch | undefined = undefined;
  const kill = (): void => {
    if (killed || !worker) return;
    killed = true;
    worker.child.kill('SIGKILL');
  };
  const later = (ms: number, action: () => void): void => {
    if (timer === undefined) timer = setTimeout(action, ms);
  };
  const started = startWorker(
    [
      bench.dbPath,
      new Date(CLOCK_AT + round * 3_600_000).toISOString(),
      bench.packagesDir,
      focus,
      String(seed),
      String(round),
    ],
    (line) => {
      const kind = recordAck(acks, line);
      if (kind === 'other') failures.push(`worker said: ${line}`);
      if (killed) return;
      if (stop) {
        if (kind === 'ready')
          later(50 + delayMs, () => (secondWriter = stopAndWrite(bench, started, stop.holdMs, kill)));
      } else if (kind === 'idle')
        kill(); // the round's work is done: a kill between transactions
      else if (mode === 'ack' && acks.count >= killAtAck) kill();
      else if (mode === 'delay' && kind === 'ready') later(20 + delayMs, kill);
      else if (mode === 'import' && kind === 'import-start') later(delayMs, kill);
      else if (mode === 'group' && kind === 'ack' && acks.groups.size > 0) later(delayMs, kill);
    },
  );
  worker = started;
  const limit = setTimeout(() => {
    failures.push(`worker not killed within ${ROUND_LIMIT_MS} ms (${acks.count} acknowledgements)`);
    kill();
  }, ROUND_LIMIT_MS);
  const signal = await started.closed;
  clearTimeout(limit);
  clearTimeout(timer);
  if (!killed) failures.push(`worker ended by itself: ${started.stderr().slice(0, 400)}`);
  else if (started.stderr() !== '') failures.push(`worker stderr: ${started.stderr().slice(0, 400)}`);
  if (acks.settings) failures.push(`worker store runs with journal_mode/synchronous ${acks.settings}`);
  const second = secondWriter ? await secondWriter : undefined;
  if (second !== undefined) {
    const [kind, id, card] = second.split(' (')[0]?.split(' ') ?? [];
    if (kind === 'handout' && id && card) acks.handouts.set(id, card);
    // Waiting past the busy timeout is refused as a value the desk shows in Dutch, never thrown.
    else if (!(kind === 'refused' && id === 'store_busy')) failures.push(`second desk got: ${second}`);
  }

  const killedInImport = acks.importInFlight !== null;
  const unacknowledgedCards = verifyStore(bench, acks, failures);
  return {
    round,
    mode,
    signal,
    handouts: acks.handouts.size,
    groups: acks.groups.size,
    imports: acks.imports.size,
    killedInImport,
    unacknowledgedCards,
    failures,
    ...(second === undefined ? {} : { secondWriter: second }),
  };
}

/**
 * SIGSTOPs the worker, starts a second desk that hands out a reserve card, SIGCONTs the worker
 * `holdMs` after the second desk is ready, and SIGKILLs the worker once the second desk is done.
 * Resolves with the second desk's answer line.
 */
async function stopAndWrite(
  bench: KillBench,
  worker: Watch,
  holdMs: number,
  kill: () => void,
): Promise<string> {
  const card = bench.reserve.shift();
  if (!card) throw new Error('no reserve card left for the second desk');
  worker.child.kill('SIGSTOP');
  const lock = writeLockHeld(bench.dbPath);
  let answer = 'no answer';
  let hold: NodeJS.Timeout | undefined;
  const second = startWorker([bench.dbPath, new Date(CLOCK_AT).toISOString(), '--single', card], (line) => {
    if (line === 'ready') hold = setTimeout(() => worker.child.kill('SIGCONT'), holdMs);
    else answer = line;
  });
  await second.closed;
  clearTimeout(hold);
  worker.child.kill('SIGCONT');
  await new Promise((resolve) => setTimeout(resolve, 100));
  kill();
  const said = `${answer} (worker stopped ${lock})`;
  return second.stderr() === '' ? said : `${said}; stderr: ${second.stderr().slice(0, 300)}`;
}

/** Whether the stopped worker holds the write lock: one try to take it, without waiting. */
function writeLockHeld(dbPath: string): string {
  const opened = openStore(dbPath);
  if (!opened.ok) return `store unreadable: ${opened.error}`;
  const db = opened.value;
  try {
    db.pragma('busy_timeout = 0');
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    return 'between transactions';
  } catch (error) {
    return (error as { code?: string }).code === 'SQLITE_BUSY' ? 'holding the write lock' : String(error);
  } finally {
    db.close();
  }
}

/** Reopens the store and checks it against every acknowledgement; returns the unacknowledged cards. */
function verifyStore(bench: KillBench, acks: RoundAcks, failures: string[]): number {
  for (const [id, card] of acks.handouts) bench.acked.handouts.set(id, card);
  for (const [id, size] of acks.groups) bench.acked.groups.set(id, size);
  for (const id of acks.imports) bench.acked.imports.add(id);

  const reopened = openStore(bench.dbPath);
  if (!reopened.ok) {
    failures.push(`store does not open after the kill: ${reopened.error}`);
    return 0;
  }
  const db = reopened.value;
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') failures.push(`integrity_check: ${String(integrity)}`);
    if ((db.pragma('foreign_key_check') as unknown[]).length > 0)
      failures.push('foreign_key_check found rows');
    checkHandouts(db, bench, failures);
    checkGroups(db, bench, failures);
    checkImports(db, bench, failures);
    const audit = verifyAudit(db);
    if (!audit.ok) failures.push(`audit chain broken at ${audit.atSeq} (${audit.reason})`);

    const count = (sql: string, ...params: unknown[]): number =>
      db
        .prepare(sql)
        .pluck()
        .get(...params) as number;
    const collected = count(`SELECT count(*) FROM card_state WHERE state = 'collected'`);
    const events = count(`SELECT count(*) FROM desk_events WHERE kind = 'handout'`);
    if (collected !== events) failures.push(`${collected} cards collected but ${events} hand-out events`);
    const audited = (action: string): number =>
      count('SELECT count(*) FROM audit_log WHERE action = ?', action);
    const selfEvents = count(`SELECT count(*) FROM desk_events WHERE method = 'self'`);
    if (audited('handout') !== selfEvents)
      failures.push(`${audited('handout')} hand-out audit entries for ${selfEvents} hand-outs`);
    const groups = count('SELECT count(*) FROM pickup_groups');
    if (audited('group') !== groups)
      failures.push(`${audited('group')} group audit entries for ${groups} groups`);
    const batches = count('SELECT count(*) FROM batches');
    if (audited('import') !== batches)
      failures.push(`${audited('import')} import audit entries for ${batches} batches`);

    // At most the one operation in flight at the kill committed without being acknowledged.
    let ackedCards = acks.handouts.size;
    for (const size of acks.groups.values()) ackedCards += size;
    const unacknowledged = collected - bench.collected - ackedCards;
    if (unacknowledged < 0 || unacknowledged > GROUP_SIZE)
      failures.push(
        `${collected - bench.collected} cards collected this round for ${ackedCards} acknowledged`,
      );
    bench.collected = collected;
    return unacknowledged;
  } finally {
    db.close();
  }
}

function checkHandouts(db: Database, bench: KillBench, failures: string[]): void {
  const stateOf = db.prepare(
    `SELECT c.card, s.state, e.kind FROM desk_events e JOIN cards c ON c.id = e.card_id
     LEFT JOIN card_state s ON s.card_id = e.card_id AND s.event_id = e.event_id WHERE e.request_id = ?`,
  );
  for (const [requestId, card] of bench.acked.handouts) {
    const row = stateOf.get(requestId) as { card: string; state: string | null; kind: string } | undefined;
    if (row?.card !== card || row.state !== 'collected' || row.kind !== 'handout')
      failures.push(`acknowledged hand-out ${requestId} of ${card} lost: ${JSON.stringify(row ?? null)}`);
  }
}

function checkGroups(db: Database, bench: KillBench, failures: string[]): void {
  const half = db
    .prepare(
      `SELECT g.group_id AS groupId, g.size,
         (SELECT count(*) FROM desk_events e WHERE e.group_id = g.group_id AND e.kind = 'handout') AS n,
         (SELECT count(*) FROM audit_log a WHERE a.action = 'group' AND json_extract(a.details, '$.groupId') = g.group_id) AS audited
       FROM pickup_groups g WHERE n <> g.size OR g.size <> ? OR audited <> 1`,
    )
    .all(GROUP_SIZE);
  if (half.length > 0) failures.push(`half groups: ${JSON.stringify(half).slice(0, 400)}`);
  const stray = db
    .prepare(
      `SELECT count(*) FROM desk_events WHERE method = 'group' AND group_id NOT IN (SELECT group_id FROM pickup_groups)`,
    )
    .pluck()
    .get() as number;
  if (stray > 0) failures.push(`${stray} group hand-outs without their group`);
  const ofRequest = db.prepare(
    `SELECT count(*) AS n, count(DISTINCT group_id) AS groups FROM desk_events
     WHERE request_id LIKE ? || ':%' AND kind = 'handout' AND method = 'group'`,
  );
  for (const [requestId, size] of bench.acked.groups) {
    const { n, groups } = ofRequest.get(requestId) as { n: number; groups: number };
    if (n !== size || groups !== 1)
      failures.push(`acknowledged group ${requestId} of ${size} has ${n} cards in ${groups} groups`);
  }
}

function checkImports(db: Database, bench: KillBench, failures: string[]): void {
  const batchRow = db.prepare('SELECT card_rows FROM batches WHERE batch_id = ?').pluck();
  const cardsOf = db.prepare('SELECT count(*) FROM cards WHERE first_batch_id = ?').pluck();
  for (const [batchId, cards] of bench.packageCards) {
    const rows = batchRow.get(batchId) as number | undefined;
    const present = cardsOf.get(batchId) as number;
    const whole = rows === undefined ? present === 0 : rows === cards.length && present === cards.length;
    if (!whole)
      failures.push(`half import ${batchId}: batch row ${String(rows)}, ${present} of ${cards.length} cards`);
    if (bench.acked.imports.has(batchId) && rows === undefined)
      failures.push(`acknowledged import ${batchId} lost`);
  }
}
