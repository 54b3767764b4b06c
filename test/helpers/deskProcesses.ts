/**
 * Several desks of one point as real processes on loopback: each desk has its own temp folder
 * (store and keys/ side by side) and runs `balie desk serve --listen 127.0.0.1:0 --json` as a child
 * process; the first desk is the host, the others joined it with its pairing code. Tests run CLI
 * commands against any store (in this process by default, or spawned), read every store directly
 * (read-only), stop and kill the serve processes with real signals, and wait for convergence in
 * bounded loops. No vitest in here: the desks bench uses it too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { main } from '../../src/main/adapters/cli/main';
import { systemClock } from '../../src/shared/time/clock';

export const REPO = path.resolve(import.meta.dirname, '../..');
const BALIE = path.join(REPO, 'bin', 'balie');
const FIXTURES = path.join(REPO, 'test', 'fixtures');
/** A serve process on a loaded machine may take many seconds to start; never a pass/fail criterion. */
const SERVE_START_LIMIT_MS = 60_000;
const STOP_LIMIT_MS = 15_000;

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export interface DeskProcess {
  name: string;
  dir: string;
  db: string;
  /** From the serve process's first JSON line. */
  url: string;
  port: number;
  fingerprint: string;
  code: string | null;
  /** The running `desk serve`, or null while it is stopped or killed. */
  serve: ChildProcess | null;
  stopped: boolean;
  /** stderr of its serve processes so far, for a failure message. */
  serveErr: string;
}

export interface PointSetup {
  point: string;
  pointName: string;
  fixture: string;
}

export const GENT: PointSetup = { point: 'BIB-GENT', pointName: 'De Krook', fixture: 'gent-small.lkb' };
export const LETTERENHUIS: PointSetup = {
  point: 'LETTERENHUIS',
  pointName: 'Letterenhuis',
  fixture: 'letterenhuis.lkb',
};

/**
 * The real CLI, in this process (no 2 s tsx start per command) with the system clock: the same code
 * a second process on the WAL store would run. `spawned` runs `bin/balie` as a process instead.
 */
export async function cli(args: string[], options: { spawned?: boolean } = {}): Promise<CliRun> {
  if (options.spawned) return spawnCli(args);
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    env: {},
    clock: systemClock,
  });
  return { code, out, err };
}

function spawnCli(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BALIE, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

/** Reads one store read-only (a second reader on the WAL, as a screen would). */
export function readStore<T>(db: string, read: (store: Database.Database) => T): T {
  const store = new Database(db, { readonly: true, fileMustExist: true });
  try {
    store.pragma('busy_timeout = 5000');
    return read(store);
  } finally {
    store.close();
  }
}

export const eventIds = (db: string): string[] =>
  readStore(
    db,
    (s) => s.prepare('SELECT event_id FROM desk_events ORDER BY event_id').pluck().all() as string[],
  );

/** card → state, event id: the derived state every desk must agree on. */
export const cardStates = (db: string): Map<string, string> =>
  readStore(db, (s) => {
    const rows = s
      .prepare(
        `SELECT c.card, s.state || ':' || s.event_id AS v FROM card_state s JOIN cards c ON c.id = s.card_id
         ORDER BY c.card`,
      )
      .all() as Array<{ card: string; v: string }>;
    return new Map(rows.map((r) => [r.card, r.v]));
  });

export const collectedCount = (db: string): number =>
  readStore(
    db,
    (s) => s.prepare(`SELECT count(*) FROM card_state WHERE state = 'collected'`).pluck().get() as number,
  );

export const anomalyRows = (db: string): Array<{ card: string; kept: string; other: string }> =>
  readStore(
    db,
    (s) =>
      s
        .prepare(
          `SELECT c.card, a.kept_event_id AS kept, a.other_event_id AS other FROM card_anomalies a
           JOIN cards c ON c.id = a.card_id ORDER BY a.other_event_id`,
        )
        .all() as Array<{ card: string; kept: string; other: string }>,
  );

/** Cards of the point that can be handed out (not withdrawn by the issuer), in card order. */
export const availableCards = (db: string): string[] =>
  readStore(
    db,
    (s) =>
      s
        .prepare(`SELECT card FROM cards WHERE issuer_status = 'beschikbaar' ORDER BY card`)
        .pluck()
        .all() as string[],
  );

/** Polls `done` up to `polls` times, `everyMs` apart; true once it held. Bounded, never a clock check. */
export async function waitFor(
  done: () => boolean | Promise<boolean>,
  options: { polls?: number; everyMs?: number } = {},
): Promise<boolean> {
  const polls = options.polls ?? 300;
  for (let i = 0; i < polls; i += 1) {
    if (await done()) return true;
    await sleep(options.everyMs ?? 100);
  }
  return done();
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function expectOk(run: CliRun, what: string): CliRun {
  if (run.code !== 0) throw new Error(`${what} failed (${run.code}): ${run.err}${run.out}`);
  return run;
}

export interface DeskCluster {
  desks: DeskProcess[];
  host: DeskProcess;
  root: string;
  /** The CLI against one desk's store (`--db` added). */
  run(desk: DeskProcess, args: string[], options?: { spawned?: boolean }): Promise<CliRun>;
  /** (Re)starts a desk's serve process on its former port; resolves with its first JSON line read. */
  startServe(desk: DeskProcess): Promise<void>;
  /** SIGTERM and wait for a clean exit (SIGKILL past a generous limit). */
  stopServe(desk: DeskProcess): Promise<number | null>;
  kill(desk: DeskProcess): Promise<void>;
  /** SIGSTOP, outside a write transaction of its own (see `pause`); resolves once stopped. */
  pause(desk: DeskProcess): Promise<void>;
  resume(desk: DeskProcess): void;
  /** Every desk holds the same event ids (and at least `min` of them); bounded. */
  converged(options?: { polls?: number; min?: number }): Promise<boolean>;
  /** Each desk has pinned every other desk with its address (the mesh is complete); bounded. */
  meshed(): Promise<boolean>;
  /** Per desk: its events and its view of every peer, for a failure message. */
  describe(): string;
  cleanup(): Promise<void>;
}

/** Serve processes still running, so a failing test's afterAll can end them all. */
const running = new Set<ChildProcess>();

/**
 * N desks: the host is made from the point's fixture (init, import), the others join it with its
 * code, each in its own folder; then every desk serves and the test waits until all pinned each other.
 */
export async function startDesks(
  count: number,
  options: { setup?: PointSetup; names?: string[]; mesh?: boolean } = {},
): Promise<DeskCluster> {
  const setup = options.setup ?? GENT;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'balie-desks-'));
  const names = options.names ?? Array.from({ length: count }, (_, i) => `Balie ${i + 1}`);
  const made = names.slice(0, count).map((name, i): DeskProcess => {
    const dir = path.join(root, String.fromCharCode(65 + i));
    fs.mkdirSync(dir);
    return {
      name,
      dir,
      db: path.join(dir, 'balie.sqlite'),
      url: '',
      port: 0,
      fingerprint: '',
      code: null,
      serve: null,
      stopped: false,
      serveErr: '',
    };
  });
  const host = made[0] as DeskProcess;
  const cluster: DeskCluster = {
    desks: made,
    host,
    root,
    run: (desk, args, runOptions) => cli(['--db', desk.db, ...args], runOptions),
    startServe: (desk) => startServe(desk),
    stopServe: (desk) => stopServe(desk),
    kill: async (desk) => {
      const child = desk.serve;
      if (!child) return;
      desk.serve = null;
      await signalAndWait(child, 'SIGKILL');
    },
    pause: (desk) => pause(desk),
    resume: (desk) => {
      desk.serve?.kill('SIGCONT');
      desk.stopped = false;
    },
    converged: async (convergeOptions = {}) =>
      waitFor(
        () => {
          const sets = made.map((d) => eventIds(d.db).join(','));
          const first = sets[0] ?? '';
          return (
            first.split(',').filter(Boolean).length >= (convergeOptions.min ?? 0) &&
            sets.every((s) => s === first)
          );
        },
        { polls: convergeOptions.polls ?? 300, everyMs: 100 },
      ),
    meshed: () =>
      waitFor(
        () =>
          made.every((desk) =>
            readStore(desk.db, (s) => {
              const pinned = s
                .prepare('SELECT fingerprint FROM point_peers WHERE url IS NOT NULL AND revoked_at IS NULL')
                .pluck()
                .all() as string[];
              return made.every((other) => other === desk || pinned.includes(other.fingerprint));
            }),
          ),
        { polls: 300, everyMs: 100 },
      ),
    describe: () =>
      made
        .map((d) => {
          const peers = readStore(d.db, (s) =>
            s
              .prepare('SELECT name, url, revoked_at, pulled_seq, head_seq, last_seen_ms FROM point_peers')
              .all(),
          );
          return `${d.name} ${d.url} serve=${d.serve ? (d.stopped ? 'stopped' : 'running') : 'none'} events=${eventIds(d.db).length} peers=${JSON.stringify(peers)}\n${d.serveErr.slice(-2000)}`;
        })
        .join('\n'),
    cleanup: async () => {
      await Promise.all(
        made.map(async (d) => {
          const child = d.serve;
          d.serve = null;
          if (child) await signalAndWait(child, 'SIGKILL');
        }),
      );
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    expectOk(
      await cluster.run(host, [
        'init',
        '--point',
        setup.point,
        '--name',
        setup.pointName,
        '--issuer-key',
        path.join(FIXTURES, 'issuer-test.pub.pem'),
      ]),
      'init',
    );
    expectOk(await cluster.run(host, ['import', path.join(FIXTURES, setup.fixture)]), 'import');
    // The host's own name, as staff know it (desk_name is read by serve).
    setHostName(host);
    await startServe(host);
    for (const desk of made.slice(1)) {
      const joined = await cli([
        '--db',
        desk.db,
        'desk',
        'join',
        host.url,
        '--code',
        host.code ?? '',
        '--name',
        desk.name,
        '--json',
      ]);
      expectOk(joined, `join of ${desk.name}`);
    }
    await Promise.all(made.slice(1).map((d) => startServe(d)));
    if (options.mesh !== false && !(await cluster.meshed()))
      throw new Error('the desks did not pin each other');
  } catch (error) {
    await cluster.cleanup();
    throw error;
  }
  return cluster;
}

function setHostName(desk: DeskProcess): void {
  const store = new Database(desk.db);
  try {
    store
      .prepare(
        `INSERT INTO settings (key, value) VALUES ('desk_name', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      )
      .run(desk.name);
  } finally {
    store.close();
  }
}

/**
 * A stopped process stands for a desk cut off, not for one frozen inside a write: a SIGSTOP that
 * lands in the serve's own short write transaction (a pull's cursor) would hold the store's write
 * lock and refuse the CLI as "store busy", which no real partition does. So after the stop, the
 * store is probed for its write lock; when it is held, the desk runs on a moment and is stopped again.
 */
async function pause(desk: DeskProcess): Promise<void> {
  const child = desk.serve;
  if (!child) return;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    child.kill('SIGSTOP');
    desk.stopped = true;
    await sleep(20);
    if (writeLockFree(desk.db)) return;
    child.kill('SIGCONT');
    desk.stopped = false;
    await sleep(5 + attempt);
  }
  throw new Error(`${desk.name}: could not stop its serve outside a write`);
}

function writeLockFree(db: string): boolean {
  const store = new Database(db, { fileMustExist: true });
  try {
    store.pragma('busy_timeout = 0');
    store.exec('BEGIN IMMEDIATE');
    store.exec('ROLLBACK');
    return true;
  } catch {
    return false;
  } finally {
    store.close();
  }
}

async function startServe(desk: DeskProcess): Promise<void> {
  if (desk.serve) throw new Error(`${desk.name} is already serving`);
  const child = spawn(
    process.execPath,
    [BALIE, '--db', desk.db, 'desk', 'serve', '--listen', `127.0.0.1:${desk.port}`, '--json'],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  desk.serve = child;
  desk.stopped = false;
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`${desk.name}: serve did not start: ${err}`)),
      SERVE_START_LIMIT_MS,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        resolve(out.slice(0, newline));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      desk.serveErr += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      desk.serveErr += `[serve exited ${code ?? signal}]\n`;
      clearTimeout(timer);
      reject(new Error(`${desk.name}: serve exited with ${code}: ${err}`));
    });
  });
  const first = JSON.parse(line) as { url: string; code: string | null; fingerprint: string };
  desk.url = first.url;
  desk.port = Number(new URL(first.url).port);
  desk.code = first.code;
  desk.fingerprint = first.fingerprint;
}

async function stopServe(desk: DeskProcess): Promise<number | null> {
  const child = desk.serve;
  if (!child) return null;
  desk.serve = null;
  if (desk.stopped) child.kill('SIGCONT');
  desk.stopped = false;
  return signalAndWait(child, 'SIGTERM');
}

function signalAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    const hard = setTimeout(() => child.kill('SIGKILL'), STOP_LIMIT_MS);
    child.once('exit', (code) => {
      clearTimeout(hard);
      resolve(code);
    });
    child.kill(signal);
    // A stopped process does not act on SIGTERM until it runs again.
    if (signal !== 'SIGKILL') child.kill('SIGCONT');
  });
}

/** For afterAll: every serve process any cluster of this file still has, SIGKILLed. */
export async function killAllDesks(): Promise<void> {
  await Promise.all([...running].map((child) => signalAndWait(child, 'SIGKILL')));
}
