import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { appendDeskEvent } from '../src/main/store/appendDeskEvent';
import { collectGroup } from '../src/main/useCases/desk/collectGroup';
import { handOut } from '../src/main/useCases/desk/handOut';
import { openStore } from '../src/main/store/openStore';
import { getSetting } from '../src/main/store/settings';
import type { StoreContext } from '../src/main/store/storeContext';
import { brusselsIso } from '../src/shared/time/brussels';
import { fixedClock } from '../src/shared/time/clock';
import { makeDataset, type testKeys } from './dataset';
import { runOurImport } from './importBench';
import { rng } from './queries';
import { since, summarize, type LatencySummary } from './stats';

export const STAFF = 'Bench Baliemedewerker';

/** A 200k-card store for the desk and report parts: imported with importBatch, reopened as the desk app does. */
export interface DeskStore {
  ctx: StoreContext;
  clock: ReturnType<typeof fixedClock>;
  dir: string;
  size: number;
  /** Card numbers that may be handed out (not revoked, not replaced), shuffled; used front to back. */
  handable: string[];
  next: number;
  /** File system the store lives on (fsync cost depends on it). */
  fsType: string;
  setup: { generateMs: number; importMs: number };
}

export function fsTypeOf(dir: string): string {
  const run = spawnSync('stat', ['-f', '-c', '%T', dir], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : '?';
}

export async function prepareDeskStore(
  size: number,
  seed: number,
  dir: string,
  keys: ReturnType<typeof testKeys>,
): Promise<DeskStore> {
  let start = performance.now();
  const ds = makeDataset(size, seed, dir, keys.privateKeyPem);
  const generateMs = since(start);
  start = performance.now();
  const imported = await runOurImport(ds, dir, keys.publicKeyPem);
  const importMs = since(start);
  const opened = openStore(imported.dbPath);
  if (!opened.ok) throw new Error(`cannot reopen ${imported.dbPath}`);
  // The batch is available from 2026-11-01: the first desk day.
  const clock = fixedClock('2026-11-02T08:30:00Z');
  const ctx: StoreContext = {
    db: opened.value,
    clock,
    dbPath: imported.dbPath,
    backupDir: path.join(dir, 'desk-backups'),
  };
  const handable = ctx.db
    .prepare(
      `SELECT card FROM cards WHERE issuer_status != 'ingetrokken' AND replaced_by IS NULL ORDER BY id`,
    )
    .pluck()
    .all() as string[];
  const r = rng(seed * 31 + 7);
  for (let i = handable.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [handable[i], handable[j]] = [handable[j] as string, handable[i] as string];
  }
  return {
    ctx,
    clock,
    dir,
    size,
    handable,
    next: 0,
    fsType: fsTypeOf(dir),
    setup: { generateMs, importMs },
  };
}

function takeCards(store: DeskStore, n: number): string[] {
  if (store.next + n > store.handable.length)
    throw new Error(`only ${store.handable.length} cards can be handed out, asked for ${store.next + n}`);
  const cards = store.handable.slice(store.next, store.next + n);
  store.next += n;
  return cards;
}

/** The floor: a 1-column table in its own file, same durability pragmas as openStore. */
function openFloor(dir: string): { db: Db; one: () => void; fifty: () => void } {
  const db = new Database(path.join(dir, 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS t (x INTEGER)');
  const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
  let i = 0;
  // IMMEDIATE, as handOut and collectGroup open theirs.
  const one = db.transaction(() => insert.run(i++));
  const fifty = db.transaction(() => {
    for (let k = 0; k < 50; k++) insert.run(i++);
  });
  return { db, one: () => one.immediate(), fifty: () => fifty.immediate() };
}

const time = (f: () => void): bigint => {
  const start = process.hrtime.bigint();
  f();
  return process.hrtime.bigint() - start;
};

export interface PairedLatency {
  n: number;
  warmup: number;
  ours: LatencySummary;
  floor: LatencySummary;
  /** ours / floor per percentile. */
  ratio: { p50: number; p95: number; p99: number };
  /** ours − floor at p50: what handOut adds to the fsync (validation, look-ups, audit, statements). */
  overheadP50Ms: number;
}

function paired(n: number, warmup: number, oursNanos: bigint[], floorNanos: bigint[]): PairedLatency {
  const ours = summarize(oursNanos);
  const floor = summarize(floorNanos);
  return {
    n,
    warmup,
    ours,
    floor,
    ratio: { p50: ours.p50 / floor.p50, p95: ours.p95 / floor.p95, p99: ours.p99 / floor.p99 },
    overheadP50Ms: ours.p50 - floor.p50,
  };
}

export interface DeskResult {
  size: number;
  fsType: string;
  setup: { generateMs: number; importMs: number };
  handOut: PairedLatency & { target: { p99Ms: number; met: boolean } };
  group: PairedLatency & { groupSize: number; target: { p95Ms: number | null } };
  /** Rows written, checked after the runs. */
  check: { handouts: number; groups: number; ok: boolean };
}

export const TARGET_HANDOUT_P99_MS = 5;

/**
 * Single hand-outs and groups of 50, each alternated with its floor so both see the same disk
 * conditions. Every call is one durable IMMEDIATE transaction; the clock moves on between calls.
 */
export function runDeskBench(
  store: DeskStore,
  opts: { handouts: number; groups: number; groupSize: number; warmup: number },
): DeskResult {
  const { ctx, clock } = store;
  const floor = openFloor(store.dir);
  const eventsBefore = ctx.db.prepare('SELECT count(*) FROM desk_events').pluck().get() as number;
  try {
    const single = (card: string): void => {
      const result = handOut(ctx, { card, staff: STAFF, idChecked: true, requestId: randomUUID() });
      if (!result.ok || result.value.repeated)
        throw new Error(`handOut ${card} failed: ${JSON.stringify(result).slice(0, 300)}`);
      clock.advance(17_000);
    };
    for (const card of takeCards(store, opts.warmup)) {
      floor.one();
      single(card);
    }
    const oursOne: bigint[] = [];
    const floorOne: bigint[] = [];
    for (const card of takeCards(store, opts.handouts)) {
      floorOne.push(time(floor.one));
      oursOne.push(time(() => single(card)));
    }

    const group = (cards: string[]): void => {
      const result = collectGroup(ctx, {
        collector: { kind: 'person', name: 'Directeur Benchschool', idNote: 'eID gezien' },
        cards,
        staff: STAFF,
        idChecked: true,
        requestId: randomUUID(),
      });
      if (!result.ok || result.value.size !== cards.length)
        throw new Error(`collectGroup failed: ${JSON.stringify(result).slice(0, 300)}`);
      clock.advance(90_000);
    };
    const groupWarmup = Math.max(1, Math.round(opts.warmup / 10));
    for (let g = 0; g < groupWarmup; g++) {
      floor.fifty();
      group(takeCards(store, opts.groupSize));
    }
    const oursGroup: bigint[] = [];
    const floorGroup: bigint[] = [];
    for (let g = 0; g < opts.groups; g++) {
      const cards = takeCards(store, opts.groupSize);
      floorGroup.push(time(floor.fifty));
      oursGroup.push(time(() => group(cards)));
    }

    const events =
      (ctx.db.prepare('SELECT count(*) FROM desk_events').pluck().get() as number) - eventsBefore;
    const expected = opts.warmup + opts.handouts + (groupWarmup + opts.groups) * opts.groupSize;
    const one = paired(opts.handouts, opts.warmup, oursOne, floorOne);
    return {
      size: store.size,
      fsType: store.fsType,
      setup: store.setup,
      handOut: {
        ...one,
        target: { p99Ms: TARGET_HANDOUT_P99_MS, met: one.ours.p99 <= TARGET_HANDOUT_P99_MS },
      },
      group: {
        ...paired(opts.groups, groupWarmup, oursGroup, floorGroup),
        groupSize: opts.groupSize,
        target: { p95Ms: null },
      },
      check: { handouts: events, groups: groupWarmup + opts.groups, ok: events === expected },
    };
  } finally {
    floor.db.close();
  }
}

/**
 * Setup for the report part: hands out cards in bulk until `collected` cards are collected, in one
 * transaction through appendDeskEvent (same rows as the desk writes: events, card_state, groups),
 * spread over the season so the timestamps cross the March DST switch. Every 5th card goes in a
 * group of 25. Not a measurement.
 */
export function bulkHandOut(store: DeskStore, collected: number): { added: number; ms: number } {
  const { ctx, clock } = store;
  const { db } = ctx;
  const have = db
    .prepare(`SELECT count(*) FROM card_state WHERE state = 'collected'`)
    .pluck()
    .get() as number;
  const need = collected - have;
  if (need <= 0) return { added: 0, ms: 0 };
  const cards = takeCards(store, need);
  const cardId = db.prepare('SELECT id FROM cards WHERE card = ?').pluck();
  const deskId = getSetting(db, 'desk_id') ?? 'desk-unknown';
  const insertGroup = db.prepare(
    `INSERT INTO pickup_groups (group_id, collector_card_id, collector_name, collector_id_note, desk_id, staff, at,
       at_ms, size) VALUES (?, NULL, 'Directeur Benchschool', 'eID gezien', ?, ?, ?, ?, ?)`,
  );
  // Until the end of May 2027: the pickups cross 2027-03-28 (+01:00 → +02:00).
  const stepMs = Math.max(
    1000,
    Math.floor((Date.parse('2027-05-31T16:00:00Z') - clock.now().getTime()) / need),
  );
  const start = performance.now();
  db.transaction(() => {
    let groupId: string | null = null;
    let groupLeft = 0;
    cards.forEach((card, i) => {
      const id = cardId.get(card) as number;
      if (groupLeft === 0 && i % 125 === 0) {
        groupLeft = Math.min(25, cards.length - i);
        groupId = randomUUID();
        const now = clock.now();
        insertGroup.run(groupId, deskId, STAFF, brusselsIso(now), now.getTime(), groupLeft);
      }
      if (groupLeft > 0) {
        appendDeskEvent(db, clock, { kind: 'handout', cardId: id, staff: STAFF, method: 'group', groupId });
        groupLeft--;
      } else {
        appendDeskEvent(db, clock, { kind: 'handout', cardId: id, staff: STAFF, method: 'self' });
      }
      clock.advance(stepMs);
    });
  }).immediate();
  return { added: need, ms: since(start) };
}
