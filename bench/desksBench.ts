// `npm run bench:desks [-- --json] [-- --desks 3,6] [-- --handouts 40] [-- --partition-events 1000]`
//
// Several desks of one point (issue 11) as real `desk serve` processes on loopback, the Letterenhuis
// fixture (3,000 cards) on every desk. This process is each desk's screen: one store connection
// per desk and the same claim path as the UI (writeThroughHost). Per desk count:
//   (a) a hand-out at one desk (round robin) until it is in every other desk's store: p50/p95,
//       against a local hand-out on a store without sync (the baseline, same run). Goal p95 ≤ 250 ms.
//   (b) a partition: every serve process stopped (SIGSTOP), 1,000 hand-outs written at the host and
//       1,000 at another desk (each alone, as offline), then all resumed: time until every desk
//       holds the same events. Goal ≤ 5 s.
//   (c) a group pickup of 50 at one desk while two other desks scan as fast as they can: the
//       group's time and cards/s against the same group on a store without sync, and the scans.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openStore } from '../src/main/store/openStore';
import type { StoreContext } from '../src/main/store/storeContext';
import { backupDirFor } from '../src/main/platform/paths';
import { collectGroup } from '../src/main/useCases/desk/collectGroup';
import { handOut } from '../src/main/useCases/desk/handOut';
import { writeThroughHost } from '../src/main/useCases/point/claimThroughHost';
import { openHostLink } from '../src/main/useCases/point/hostLink';
import type { HostLink } from '../src/main/useCases/point/hostLink';
import { systemClock } from '../src/shared/time/clock';
import {
  availableCards,
  cli,
  eventIds,
  killAllDesks,
  LETTERENHUIS,
  REPO,
  sleep,
  startDesks,
  type DeskCluster,
} from '../test/helpers/deskProcesses';
import { fmtMs, fmtRatio, percentile, progress, table } from './stats';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    desks: { type: 'string' },
    handouts: { type: 'string' },
    'partition-events': { type: 'string' },
  },
  strict: true,
});
const DESK_COUNTS = (values.desks ?? '3,6').split(',').map(Number);
const HANDOUTS = Number(values.handouts ?? 40);
const PARTITION_EVENTS = Number(values['partition-events'] ?? 1000);
const GROUP = 50;
const STAFF = 'Bench';
export const TARGET_VISIBLE_P95_MS = 250;
export const TARGET_CONVERGE_MS = 5000;

interface Screen {
  ctx: StoreContext;
  link: HostLink | null;
  reader: Database.Database;
}

interface DesksResult {
  desks: number;
  visible: { n: number; p50: number; p95: number; max: number };
  ack: { p50: number; p95: number };
  baselineHandout: { p50: number; p95: number };
  visibleP95Ratio: number;
  partition: { eventsPerSide: number; convergeMs: number; events: number };
  group: { size: number; ms: number; cardsPerS: number; baselineMs: number; ratio: number };
  scansDuringGroup: { n: number; p50: number; p95: number };
}

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

function contextOf(db: string): StoreContext {
  const opened = openStore(db);
  if (!opened.ok) throw new Error(`cannot open ${db}: ${opened.error}`);
  return { db: opened.value, clock: systemClock, dbPath: db, backupDir: backupDirFor(db) };
}

async function handOutAt(screen: Screen, card: string): Promise<string> {
  const { ctx, link } = screen;
  const done = await writeThroughHost(ctx, link, () => handOut(ctx, { card, staff: STAFF, idChecked: true }));
  if (!done.ok) throw new Error(`hand-out of ${card} refused: ${done.error}`);
  return done.value.eventId;
}

async function groupAt(screen: Screen, cards: string[]): Promise<void> {
  const { ctx, link } = screen;
  const done = await writeThroughHost(ctx, link, () =>
    collectGroup(ctx, {
      collector: { kind: 'person', name: 'Directie Sint-Lucas', idNote: 'eID gezien' },
      cards,
      staff: STAFF,
      idChecked: true,
    }),
  );
  if (!done.ok) throw new Error(`group refused: ${done.error}`);
}

const hasEvent = (reader: Database.Database, eventId: string) =>
  reader.prepare('SELECT 1 FROM desk_events WHERE event_id = ?').get(eventId) !== undefined;

/** A standalone Letterenhuis store: the local hand-out and group without any sync (the baseline). */
async function baseline(root: string): Promise<{ handout: number[]; groupMs: number }> {
  const db = path.join(root, 'alone', 'balie.sqlite');
  fs.mkdirSync(path.dirname(db));
  const issuer = path.join(REPO, 'test', 'fixtures', 'issuer-test.pub.pem');
  for (const args of [
    ['init', '--point', LETTERENHUIS.point, '--name', LETTERENHUIS.pointName, '--issuer-key', issuer],
    ['import', path.join(REPO, 'test', 'fixtures', LETTERENHUIS.fixture)],
  ]) {
    const run = await cli(['--db', db, ...args]);
    if (run.code !== 0) throw new Error(`baseline ${args[0]} failed: ${run.err}`);
  }
  const cards = availableCards(db);
  const screen: Screen = { ctx: contextOf(db), link: null, reader: new Database(db, { readonly: true }) };
  const handout: number[] = [];
  for (const card of cards.slice(0, HANDOUTS)) {
    const t0 = process.hrtime.bigint();
    await handOutAt(screen, card);
    handout.push(ms(t0));
  }
  const t0 = process.hrtime.bigint();
  await groupAt(screen, cards.slice(HANDOUTS, HANDOUTS + GROUP));
  const groupMs = ms(t0);
  screen.ctx.db.close();
  screen.reader.close();
  return { handout: sorted(handout), groupMs };
}

async function runDesks(count: number): Promise<DesksResult> {
  progress(`${count} desks: starting the serve processes and pairing`);
  const cluster: DeskCluster = await startDesks(count, { setup: LETTERENHUIS });
  try {
    const base = await baseline(cluster.root);
    const screens: Screen[] = [];
    for (const desk of cluster.desks) {
      const ctx = contextOf(desk.db);
      screens.push({ ctx, link: await openHostLink(ctx), reader: new Database(desk.db, { readonly: true }) });
    }
    const free = availableCards(cluster.host.db);
    let next = 0;
    const take = (n: number) => {
      const cards = free.slice(next, next + n);
      if (cards.length < n) throw new Error('not enough cards for this run');
      next += n;
      return cards;
    };

    // (a) hand-out at one desk → visible at every other one.
    progress(`${count} desks: ${HANDOUTS} hand-outs, each until every desk has it`);
    const visible: number[] = [];
    const ack: number[] = [];
    for (let i = 0; i < HANDOUTS; i += 1) {
      const at = i % count;
      const screen = screens[at] as Screen;
      const t0 = process.hrtime.bigint();
      const eventId = await handOutAt(screen, take(1)[0] as string);
      ack.push(ms(t0));
      const waiting = new Set(screens.filter((_, j) => j !== at));
      for (let polls = 0; waiting.size > 0 && polls < 20_000; polls += 1) {
        for (const other of waiting)
          if (hasEvent(other.reader, eventId)) {
            visible.push(ms(t0));
            waiting.delete(other);
          }
        if (waiting.size > 0) await sleep(1);
      }
      if (waiting.size > 0) throw new Error(`hand-out ${i} never reached every desk`);
    }

    // (b) partition: all serve processes stopped, both sides write alone, then the heal.
    progress(`${count} desks: partition, ${PARTITION_EVENTS} hand-outs on each side`);
    for (const desk of cluster.desks) await cluster.pause(desk);
    const sides = [screens[0] as Screen, screens[count - 1] as Screen];
    for (const side of sides) {
      const cards = take(PARTITION_EVENTS);
      // The offline fallback: the hand-out as the desk keeps it when the host does not answer.
      for (const card of cards) {
        const done = handOut(side.ctx, { card, staff: STAFF, idChecked: true });
        if (!done.ok) throw new Error(`partition hand-out refused: ${done.error}`);
      }
    }
    const expected = eventIds(cluster.host.db).length + PARTITION_EVENTS;
    const t0 = process.hrtime.bigint();
    for (const desk of cluster.desks) cluster.resume(desk);
    const counted = () =>
      screens.every(
        (s) => (s.reader.prepare('SELECT count(*) FROM desk_events').pluck().get() as number) === expected,
      );
    let polls = 0;
    while (!counted() && polls < 60_000) {
      await sleep(5);
      polls += 1;
    }
    const convergeMs = ms(t0);
    if (!counted()) throw new Error('the desks did not converge after the partition');
    const sets = cluster.desks.map((d) => eventIds(d.db).join());
    if (sets.some((s) => s !== sets[0])) throw new Error('the desks hold different events');

    // (c) group of 50 at one desk, two others scanning as fast as they can.
    progress(`${count} desks: a group of ${GROUP} while two desks scan`);
    const groupDesk = screens[1] as Screen;
    const scanners = [screens[0] as Screen, screens[2] as Screen];
    const groupCards = take(GROUP);
    const scanCards = take(400);
    let groupDone = false;
    const scans: number[] = [];
    const scanLoop = async (screen: Screen, offset: number) => {
      for (let i = offset; !groupDone && i < scanCards.length; i += 2) {
        const s0 = process.hrtime.bigint();
        await handOutAt(screen, scanCards[i] as string);
        scans.push(ms(s0));
        // Let the other desks' screens run (they share this process).
        await sleep(0);
      }
    };
    const g0 = process.hrtime.bigint();
    const scanning = scanners.map((s, i) => scanLoop(s, i));
    await groupAt(groupDesk, groupCards);
    const groupMs = ms(g0);
    groupDone = true;
    await Promise.all(scanning);

    for (const s of screens) {
      s.ctx.db.close();
      s.reader.close();
    }
    const v = sorted(visible);
    const a = sorted(ack);
    const sc = sorted(scans);
    return {
      desks: count,
      visible: { n: v.length, p50: percentile(v, 50), p95: percentile(v, 95), max: v[v.length - 1] ?? NaN },
      ack: { p50: percentile(a, 50), p95: percentile(a, 95) },
      baselineHandout: { p50: percentile(base.handout, 50), p95: percentile(base.handout, 95) },
      visibleP95Ratio: percentile(v, 95) / percentile(base.handout, 95),
      partition: { eventsPerSide: PARTITION_EVENTS, convergeMs, events: expected },
      group: {
        size: GROUP,
        ms: groupMs,
        cardsPerS: (GROUP / groupMs) * 1000,
        baselineMs: base.groupMs,
        ratio: groupMs / base.groupMs,
      },
      scansDuringGroup: { n: sc.length, p50: percentile(sc, 50), p95: percentile(sc, 95) },
    };
  } finally {
    await cluster.cleanup();
  }
}

function format(results: DesksResult[]): string {
  const ok = (pass: boolean) => (pass ? 'ok' : 'MISSED');
  return [
    table(
      ['desks', 'visible p50', 'visible p95', 'goal ≤ 250 ms', 'ack p95', 'local p95', 'p95 ratio'],
      results.map((r) => [
        String(r.desks),
        fmtMs(r.visible.p50),
        fmtMs(r.visible.p95),
        ok(r.visible.p95 <= TARGET_VISIBLE_P95_MS),
        fmtMs(r.ack.p95),
        fmtMs(r.baselineHandout.p95),
        fmtRatio(r.visibleP95Ratio),
      ]),
    ),
    '',
    table(
      ['desks', 'events per side', 'converged in', 'goal ≤ 5 s'],
      results.map((r) => [
        String(r.desks),
        String(r.partition.eventsPerSide),
        fmtMs(r.partition.convergeMs),
        ok(r.partition.convergeMs <= TARGET_CONVERGE_MS),
      ]),
    ),
    '',
    table(
      ['desks', 'group of 50', 'cards/s', 'alone', 'ratio', 'scans meanwhile', 'scan p50', 'scan p95'],
      results.map((r) => [
        String(r.desks),
        fmtMs(r.group.ms),
        r.group.cardsPerS.toFixed(0),
        fmtMs(r.group.baselineMs),
        fmtRatio(r.group.ratio),
        String(r.scansDuringGroup.n),
        fmtMs(r.scansDuringGroup.p50),
        fmtMs(r.scansDuringGroup.p95),
      ]),
    ),
  ].join('\n');
}

try {
  const results: DesksResult[] = [];
  for (const count of DESK_COUNTS) results.push(await runDesks(count));
  const out = { when: new Date().toISOString(), handouts: HANDOUTS, results };
  const dir = path.join(REPO, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'desks-latest.json'), `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(values.json ? `${JSON.stringify(out, null, 2)}\n` : `${format(results)}\n`);
} finally {
  await killAllDesks();
}
