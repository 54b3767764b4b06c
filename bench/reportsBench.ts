import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildPickupsJson, buildReport, buildReportPayload } from '../src/main/useCases/reports/buildReport';
import { aggregateReports, readReportFiles } from '../src/main/useCases/reports/aggregateReports';
import { createReport } from '../src/main/useCases/reports/createReport';
import { signReportEnvelope, signReportParts } from '../src/main/useCases/reports/signReport';
import { loadEnrolledKeys, verifyReportFile } from '../src/main/useCases/reports/verifyReport';
import { loadOrCreateInstallationKey } from '../src/main/platform/keys/installationKey';
import { cardStats } from '../src/main/useCases/admin/cardStats';
import { PROVINCES } from '../src/shared/domain/postcode';
import { makeCardNumber } from '../src/shared/domain/cardNumber';
import { dssePae } from '../src/shared/report/dssePae';
import {
  REPORT_FORMAT,
  REPORT_PAYLOAD_TYPE,
  reportPayloadSchema,
  type ReportPayload,
  type ReportPickup,
} from '../src/shared/report/reportPayload';
import { brusselsIso } from '../src/shared/time/brussels';
import { postcodes } from './dataset';
import type { DeskStore } from './deskBench';
import { rng } from './queries';
import { since } from './stats';

/** min / median / max of a few runs, in ms. */
export interface Runs {
  runs: number[];
  min: number;
  median: number;
  max: number;
}

function runs(values: number[]): Runs {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    runs: values,
    min: sorted[0] ?? Number.NaN,
    median: sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

function timed(f: () => void): number {
  const start = performance.now();
  f();
  return since(start);
}

function repeat(n: number, f: () => void): Runs {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    f();
    out.push(since(start));
  }
  return runs(out);
}

// ---------------------------------------------------------------------------------------------
// 3. One point's report: build + sign on a 200k store with 150k collected.

export const TARGET_REPORT_MS = 1000;

export interface CreateReportResult {
  cards: number;
  collected: number;
  pickups: number;
  payloadBytes: number;
  fileBytes: number;
  setup: { bulkHandOutMs: number; bulkAdded: number };
  repeats: number;
  /** Same SELECT of the pickups as the report, JSON.stringify into the report's pickups bytes, one Ed25519 sign of the PAE. */
  floor: Runs;
  buildReportPayload: Runs;
  /** cardStats alone: the totals and per-postcode GROUP BY inside buildReportPayload. */
  cardStats: Runs;
  /** reportPayloadSchema.safeParse alone: the part of signReportEnvelope the memoised offset check speeds up. */
  writerSchema: Runs;
  signReportEnvelope: Runs;
  /** What createReport runs: buildReport (one pickups pass in SQLite, the counts, the head), signing those bytes. */
  reportHead: Runs;
  pickupsJson: Runs;
  signReportParts: Runs;
  createReport: Runs;
  ratio: { createReportVsFloor: number };
  target: { ms: number; met: boolean };
  verified: boolean;
}

export function runCreateReportBench(
  store: DeskStore,
  setup: { bulkHandOutMs: number; bulkAdded: number },
  repeats: number,
): CreateReportResult {
  const { ctx } = store;
  const keyDir = path.join(store.dir, 'keys');
  const loaded = loadOrCreateInstallationKey(keyDir);
  if (!loaded.ok) throw new Error(`bench key: ${loaded.error}`);
  const key = loaded.value;
  const outDir = path.join(store.dir, 'reports');
  fs.mkdirSync(outDir, { recursive: true });

  // Warm-up: statements, schema, key.
  const first = buildReportPayload(ctx);
  signReportEnvelope(first, key.privateKey, key.publicKey);

  // The floor makes the report's pickups bytes the plain way and signs them: the same rows by the
  // best plan (integer event_seq look-ups, as the report), JSON.stringify of the report's objects
  // (same keys, so the same bytes as the report's pickups), one Ed25519 signature over their PAE.
  const pickupsSql = `SELECT c.card, e.at, e.method, e.group_id FROM card_state s
     JOIN cards c ON c.id = s.card_id JOIN desk_events e ON e.seq = s.event_seq
     WHERE s.state = 'collected' ORDER BY s.event_seq`;
  let floorBytes = '';
  const floorOnce = (): void => {
    const rows = ctx.db.prepare(pickupsSql).raw().all() as [string, string, string | null, string | null][];
    floorBytes = JSON.stringify(
      rows.map(([card, at, method, group]): ReportPickup =>
        method === 'group' && group !== null ? { card, at, method, group } : { card, at, method: 'self' },
      ),
    );
    sign(null, dssePae(REPORT_PAYLOAD_TYPE, Buffer.from(floorBytes, 'utf8')), key.privateKey);
  };
  let seq = 0;
  let lastFile = '';
  const createOnce = (): void => {
    lastFile = path.join(outDir, `bench-${++seq}.lkr.json`);
    const result = createReport(ctx, { outFile: lastFile, keyDir });
    if (!result.ok) throw new Error(`createReport failed: ${JSON.stringify(result)}`);
    store.clock.advance(60_000);
  };
  // Floor and createReport alternate, so a burst of load on the machine falls on both alike.
  const floorMs: number[] = [];
  const wholeMs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    floorMs.push(timed(floorOnce));
    wholeMs.push(timed(createOnce));
  }
  const floor = runs(floorMs);
  const whole = runs(wholeMs);

  let payload: ReportPayload = first;
  const build = repeat(repeats, () => {
    payload = buildReportPayload(ctx);
  });
  const stats = repeat(repeats, () => {
    cardStats(ctx.db);
  });
  const schema = repeat(repeats, () => {
    if (!reportPayloadSchema.safeParse(payload).success) throw new Error('payload does not pass the schema');
  });
  let bytes: Uint8Array = new Uint8Array();
  const signing = repeat(repeats, () => {
    bytes = signReportEnvelope(payload, key.privateKey, key.publicKey).bytes;
  });

  let built = buildReport(ctx);
  const head = repeat(repeats, () => {
    built = buildReport(ctx);
  });
  const pickupsJson = repeat(repeats, () => {
    buildPickupsJson(ctx.db);
  });
  if (built.pickupsJson !== floorBytes) throw new Error('the floor does not make the report’s pickups bytes');
  const signParts = repeat(repeats, () => {
    signReportParts(built.head, built.pickupsJson, key.privateKey, key.publicKey);
  });

  const verified = verifyReportFile(
    path.basename(lastFile),
    new Uint8Array(fs.readFileSync(lastFile)),
    new Map([[payload.pointId, [key.publicKey]]]),
  );
  return {
    cards: payload.totals.cards,
    collected: payload.totals.collected,
    pickups: payload.pickups.length,
    payloadBytes: Buffer.byteLength(JSON.stringify(payload)),
    fileBytes: bytes.byteLength,
    setup,
    repeats,
    floor,
    buildReportPayload: build,
    cardStats: stats,
    writerSchema: schema,
    signReportEnvelope: signing,
    reportHead: head,
    pickupsJson,
    signReportParts: signParts,
    createReport: whole,
    ratio: { createReportVsFloor: whole.median / floor.median },
    target: { ms: TARGET_REPORT_MS, met: whole.median <= TARGET_REPORT_MS },
    verified: verified.ok,
  };
}

// ---------------------------------------------------------------------------------------------
// 4. The issuer's side: verify + merge the reports of every point.

export const TARGET_AGGREGATE_MS = 2000;

export interface PointReportsSet {
  points: number;
  cards: number;
  collected: number;
  pickups: number;
  bytes: number;
  reportsDir: string;
  keysDir: string;
  generateMs: number;
}

/**
 * `points` reports, one per point with its own Ed25519 key, `cards` cards in all, ~60% collected.
 * Payloads are built directly from the schema types (no stores) and signed with signReportEnvelope.
 */
export function makePointReports(dir: string, points: number, cards: number, seed: number): PointReportsSet {
  const start = performance.now();
  const r = rng(seed * 17 + 3);
  const reportsDir = path.join(dir, 'issuer-reports');
  const keysDir = path.join(dir, 'issuer-keys');
  fs.mkdirSync(reportsDir, { recursive: true });
  fs.mkdirSync(keysDir, { recursive: true });
  const pcs = postcodes().map((p) => p.postcode);

  // Point sizes: a long tail (small libraries) and a few big city points.
  const weights = Array.from({ length: points }, () => 0.2 + r() ** 3 * 6);
  const wsum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(20, Math.floor((w / wsum) * cards)));
  let left = cards - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; left !== 0; i = (i + 1) % points) {
    const step = left > 0 ? 1 : -1;
    if ((sizes[i] as number) + step >= 20) {
      sizes[i] = (sizes[i] as number) + step;
      left -= step;
    }
  }

  let serial = 3_100_000_001;
  let totalCollected = 0;
  let totalPickups = 0;
  let totalBytes = 0;
  const seasonStart = Date.parse('2026-11-02T08:00:00Z');
  const season = Date.parse('2027-05-28T16:00:00Z') - seasonStart;
  sizes.forEach((size, p) => {
    const pointId = `PT-${String(p + 1).padStart(3, '0')}`;
    const pair = generateKeyPairSync('ed25519');
    fs.writeFileSync(
      path.join(keysDir, `${pointId}.pub.pem`),
      pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    );
    // A contiguous run of 2–12 postcodes: points serve their neighbourhood.
    const count = 2 + Math.floor(r() * 11);
    const from = Math.floor(r() * (pcs.length - count));
    const served = pcs.slice(from, from + count);
    const perPostcode = new Map<string, { cards: number; collected: number }>();
    for (const pc of served) perPostcode.set(pc, { cards: 0, collected: 0 });
    const share = 0.45 + r() * 0.3; // ~60% collected on average
    const pickups: ReportPickup[] = [];
    let revoked = 0;
    let collected = 0;
    let groupId: string | null = null;
    let groupLeft = 0;
    const times: number[] = [];
    const cardsOfPoint: string[] = [];
    for (let c = 0; c < size; c++) {
      const pc = served[Math.floor(r() ** 1.5 * served.length)] as string;
      const row = perPostcode.get(pc) as { cards: number; collected: number };
      row.cards++;
      const card = makeCardNumber(serial++);
      const x = r();
      if (x < 0.01) revoked++;
      else if (x < 0.01 + share) {
        row.collected++;
        collected++;
        cardsOfPoint.push(card);
        times.push(seasonStart + Math.floor(r() ** 2 * season));
      }
    }
    times.sort((a, b) => a - b);
    cardsOfPoint.forEach((card, i) => {
      const at = brusselsIso(new Date(times[i] as number));
      if (groupLeft === 0 && r() < 0.01) {
        groupLeft = 10 + Math.floor(r() * 30);
        groupId = randomUUID();
      }
      if (groupLeft > 0 && groupId !== null) {
        pickups.push({ card, at, method: 'group', group: groupId });
        groupLeft--;
      } else pickups.push({ card, at, method: 'self' });
    });
    const sequence = 1 + Math.floor(r() * 12);
    const payload: ReportPayload = {
      format: REPORT_FORMAT,
      reportId: randomUUID(),
      pointId,
      pointName: `Bibliotheek ${pointId} (${served[0]})`,
      cardYear: 2027,
      sequence,
      audit: {
        epoch: 1,
        seq: sequence * 1000,
        head: createHash('sha256').update(`${pointId}-audit-${sequence}`).digest('hex'),
      },
      previous:
        sequence === 1
          ? null
          : createHash('sha256')
              .update(`${pointId}-${sequence - 1}`)
              .digest('hex'),
      generatedAt: brusselsIso(new Date(seasonStart + season + 3_600_000)),
      batches: [`2027-${pointId}-01`],
      totals: { cards: size, collected, waiting: size - collected - revoked, revoked, replaced: 0 },
      byPostcode: [...perPostcode]
        .filter(([, v]) => v.cards > 0)
        .map(([postcode, v]) => ({ postcode, cards: v.cards, collected: v.collected })),
      pickups,
    };
    const { bytes } = signReportEnvelope(payload, pair.privateKey, pair.publicKey);
    fs.writeFileSync(path.join(reportsDir, `${pointId}.lkr.json`), bytes);
    totalCollected += collected;
    totalPickups += pickups.length;
    totalBytes += bytes.byteLength;
  });
  return {
    points,
    cards,
    collected: totalCollected,
    pickups: totalPickups,
    bytes: totalBytes,
    reportsDir,
    keysDir,
    generateMs: since(start),
  };
}

export interface AggregateResult {
  set: Omit<PointReportsSet, 'reportsDir' | 'keysDir'>;
  repeats: number;
  /** aggregateReports alone (files already in memory, keys loaded): verify + schema + select + rows. */
  ours: Runs;
  /** What the issuer's CLI does: read the folder, load the enrolled keys, aggregateReports. */
  oursWithIo: Runs;
  oursCheck: { verified: number; refused: number; kept: number; cards: number; collected: number };
  openssl: {
    version: string;
    /** Node: parse each envelope, write its PAE and signature to files (not in the OpenSSL figure). */
    prepMs: number;
    /** One `openssl pkeyutl -verify` process per file, sequentially. */
    ms: number;
    perFileMs: number;
    verified: number;
    ratioVsOurs: number;
  } | null;
  python: {
    version: string;
    /** Wall time of the one process, interpreter start and imports included. */
    wallMs: number;
    /** Inside the process: read, PAE, keyid, verify, JSON, sum per province. */
    innerMs: number;
    perFileMs: number;
    verified: number;
    sameTotals: boolean;
    ratioVsOurs: number;
  } | null;
  byProvince: { key: string; cards: number; collected: number; percent: number }[];
  target: { ms: number; met: boolean };
}

const OPENSSL = '/usr/bin/openssl';
const PYTHON_SCRIPT = path.resolve(import.meta.dirname, 'verifyReports.py');

export function runAggregateBench(dir: string, set: PointReportsSet, repeats: number): AggregateResult {
  const loaded = readReportFiles(set.reportsDir);
  const enrolled = loadEnrolledKeys(set.keysDir);
  if (enrolled.problems.length > 0)
    throw new Error(`enrolment problems: ${JSON.stringify(enrolled.problems)}`);
  aggregateReports(loaded.files, enrolled.keys, 'province'); // warm-up

  let outcome = aggregateReports(loaded.files, enrolled.keys, 'province');
  const ours = repeat(repeats, () => {
    outcome = aggregateReports(loaded.files, enrolled.keys, 'province');
  });
  const oursWithIo = repeat(repeats, () => {
    const files = readReportFiles(set.reportsDir).files;
    const keys = loadEnrolledKeys(set.keysDir).keys;
    aggregateReports(files, keys, 'province');
  });
  const byProvince = outcome.table.rows.map(({ key, cards, collected, percent }) => ({
    key,
    cards,
    collected,
    percent,
  }));

  // OpenSSL: the signature check only, one process per file.
  let openssl: AggregateResult['openssl'] = null;
  const osslVersion = spawnSync(OPENSSL, ['version'], { encoding: 'utf8' });
  if (osslVersion.status === 0) {
    const work = path.join(dir, 'openssl');
    fs.mkdirSync(work, { recursive: true });
    let start = performance.now();
    const jobs = loaded.files.map((file) => {
      const env = JSON.parse(Buffer.from(file.bytes).toString('utf8')) as {
        payloadType: string;
        payload: string;
        signatures: { sig: string }[];
      };
      const body = Buffer.from(env.payload, 'base64');
      const pointId = (JSON.parse(body.toString('utf8')) as { pointId: string }).pointId;
      const stem = path.join(work, file.name);
      fs.writeFileSync(`${stem}.pae`, dssePae(env.payloadType, body));
      fs.writeFileSync(`${stem}.sig`, Buffer.from(env.signatures[0]?.sig ?? '', 'base64'));
      return { stem, pub: path.join(set.keysDir, `${pointId}.pub.pem`) };
    });
    const prepMs = since(start);
    start = performance.now();
    let verified = 0;
    for (const job of jobs) {
      const run = spawnSync(
        OPENSSL,
        [
          'pkeyutl',
          '-verify',
          '-pubin',
          '-inkey',
          job.pub,
          '-rawin',
          '-in',
          `${job.stem}.pae`,
          '-sigfile',
          `${job.stem}.sig`,
        ],
        { encoding: 'utf8' },
      );
      if (run.status === 0 && run.stdout.includes('Signature Verified Successfully')) verified++;
    }
    const ms = since(start);
    openssl = {
      version: osslVersion.stdout.trim(),
      prepMs,
      ms,
      perFileMs: ms / jobs.length,
      verified,
      ratioVsOurs: ms / ours.median,
    };
  }

  // Python `cryptography`: one process verifies every file and sums per province on its own.
  let python: AggregateResult['python'] = null;
  const start = performance.now();
  const py = spawnSync('python3', [PYTHON_SCRIPT, set.keysDir, set.reportsDir], {
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
  const wallMs = since(start);
  if (py.status === 0) {
    const out = JSON.parse(py.stdout) as {
      version: string;
      innerMs: number;
      verified: number;
      byProvince: Record<string, { cards: number; collected: number }>;
    };
    const sameTotals =
      byProvince.length === Object.keys(out.byProvince).length &&
      byProvince.every(
        (row) =>
          out.byProvince[row.key]?.cards === row.cards &&
          out.byProvince[row.key]?.collected === row.collected,
      );
    python = {
      version: out.version,
      wallMs,
      innerMs: out.innerMs,
      perFileMs: out.innerMs / loaded.files.length,
      verified: out.verified,
      sameTotals,
      ratioVsOurs: wallMs / ours.median,
    };
  } else {
    process.stderr.write(`python3 verifier failed (exit ${py.status}): ${py.stderr.slice(0, 1000)}\n`);
  }

  const { reportsDir: _r, keysDir: _k, ...setInfo } = set;
  return {
    set: setInfo,
    repeats,
    ours,
    oursWithIo,
    oursCheck: {
      verified: outcome.verified.length,
      refused: outcome.refused.length,
      kept: outcome.selection.kept.length,
      cards: outcome.table.total.cards,
      collected: outcome.table.total.collected,
    },
    openssl,
    python,
    byProvince: byProvince.sort(
      (a, b) => PROVINCES.indexOf(a.key as never) - PROVINCES.indexOf(b.key as never),
    ),
    target: { ms: TARGET_AGGREGATE_MS, met: ours.median <= TARGET_AGGREGATE_MS },
  };
}
