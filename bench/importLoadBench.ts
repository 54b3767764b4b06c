// `npm run bench:import-load [-- --cards N --handouts]`: does the desk keep answering while a
// large package is imported? One run, over the real loopback HTTP transport (real sockets, the
// session cookie, the same handlers as the browser and the shell):
//   1. a store with 20,000 cards; search p50/p95 while nothing else runs (idle);
//   2. a 200,000-card import through POST /api/importPackage while the same searches keep going
//      (and, with --handouts, a hand-out every 250 ms); search p50/p95 during the import, the ratio;
//   3. the apply transaction (the only time hand-outs wait), from the progress stream: the 'apply'
//      start event to its end event. Goal: search p95 ≤ 50 ms during the import.
import { onSseEvents } from '../test/helpers/sseEvents';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApiHandlers } from '../src/main/adapters/api/handlers';
import { startHttpTransport, SESSION_COOKIE } from '../src/main/adapters/web/httpTransport';
import { createLongWorkRunner } from '../src/main/adapters/worker/longWorkRunner';
import { createProgressHub } from '../src/main/adapters/worker/progressHub';
import { generateDemoCards, demoCardsCsv } from '../src/main/demo/generateDemoCards';
import { POSTCODES_FILE } from '../src/main/platform/paths';
import { setAdminPin } from '../src/main/useCases/admin/adminPin';
import { importBatch } from '../src/main/useCases/import/importBatch';
import { writeBatchPackage } from '../src/main/useCases/import/writePackage';
import type { Progress } from '../src/shared/api/progress';
import { BENCH_POINT, CARD_YEAR, makeDataset, postcodes, testKeys } from './dataset';
import { openBenchStore } from './importBench';
import { percentile } from './stats';

const { values } = parseArgs({
  options: { cards: { type: 'string' }, handouts: { type: 'boolean' }, 'in-thread': { type: 'boolean' } },
  strict: true,
});
const CARDS = Number(values.cards ?? 200_000);
const BASE_CARDS = 20_000;
const IDLE_SEARCHES = 400;
const PIN = '482916';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'balie-import-load-'));
const keys = testKeys();
const ctx = openBenchStore(dir, 'load.sqlite', keys.publicKeyPem);
setAdminPin(ctx, PIN, null);
ctx.db
  .prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('staff_list', ?)`)
  .run(JSON.stringify(['An']));

// The cards the desk already has (other serials than the big package's).
const base = generateDemoCards({
  count: BASE_CARDS,
  seed: 7,
  postcodes: postcodes(),
  firstSerial: 2_790_000_001,
});
const basePackage = writeBatchPackage({
  manifest: {
    batchId: `${CARD_YEAR}-${BENCH_POINT.pointId}-BASE`,
    pointId: BENCH_POINT.pointId,
    pointName: BENCH_POINT.pointName,
    cardYear: CARD_YEAR,
    issuedAt: '2026-09-01T10:30:00+02:00',
    availableFrom: '2026-11-01',
    availableUntil: '2027-06-30',
  },
  cardsCsv: new TextEncoder().encode(demoCardsCsv(base)),
  privateKeyPem: keys.privateKeyPem,
});
const first = await importBatch(ctx, basePackage);
if (!first.ok) throw new Error(`base import failed: ${first.error}`);
const big = makeDataset(CARDS, 2027, dir, keys.privateKeyPem);
const bigBase64 = fs.readFileSync(big.packagePath).toString('base64');

const progress = createProgressHub();
const inThread = values['in-thread'] ?? false;
const env = {
  postcodesFile: POSTCODES_FILE,
  reportsDir: path.join(dir, 'reports'),
  demoMode: false,
  version: 'bench',
};
const longWork = inThread ? null : createLongWorkRunner(ctx, { env, publish: progress.publish });
const handlers = createApiHandlers(ctx, { ...env, ...(longWork ? { longWork } : {}) });
const staticDir = fs.mkdtempSync(path.join(dir, 'static-'));
fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>bench</title>');
const transport = await startHttpTransport({ handlers, staticDir, progress });
const signIn = await fetch(transport.url, { redirect: 'manual' });
const cookie =
  (signIn.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? '').split(';')[0] ?? '';

// One keep-alive connection for the searches, as a browser tab has.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function post(method: string, body: unknown, useAgent = agent): Promise<{ ms: number; body: string }> {
  const payload = JSON.stringify(body);
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${transport.origin}/api/${method}`,
      {
        method: 'POST',
        agent: useAgent,
        headers: { 'content-type': 'application/json', cookie, 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ ms: performance.now() - start, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const queries = base.slice(0, 500).map((r) => r.achternaam.slice(0, 5));
let q = 0;
let searchFailures = 0;
/** One search; a failed one (reset connection, no answer) is counted, never hidden. */
const search = async (): Promise<number | null> => {
  try {
    const r = await post('search', { query: queries[q++ % queries.length], limit: 50 });
    if (r.body.startsWith('{"ok":true')) return r.ms;
  } catch {
    // counted below
  }
  searchFailures += 1;
  return null;
};

// Progress stream, with the time each event arrived.
const events: { at: number; p: Progress }[] = [];
const sse = http.get(`${transport.origin}/api/progress`, { headers: { cookie } }, (res) => {
  onSseEvents(res, ({ data }) => events.push({ at: performance.now(), p: JSON.parse(data) as Progress }));
});
sse.on('error', () => {});

for (let i = 0; i < 50; i++) await search(); // warm-up
const idle: number[] = [];
for (let i = 0; i < IDLE_SEARCHES; i++) {
  const ms = await search();
  if (ms !== null) idle.push(ms);
}

const during: number[] = [];
const handoutMs: number[] = [];
let handoutFailures = 0;
let firstHandoutFailure: string | null = null;
let importDone = false;
const importStart = performance.now();
const importing = post(
  'importPackage',
  { fileName: 'big.lkb', contentBase64: bigBase64, allowUnsigned: false, preview: false, adminPin: PIN },
  new http.Agent({ keepAlive: false }),
).then((r) => {
  importDone = true;
  return r;
});
const handoutLoop = (async () => {
  if (!values.handouts) return;
  const handoutAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  // Cards the issuer withdrew are refused at the desk: only cards that can be handed out.
  const handable = base.filter((r) => r.status !== 'ingetrokken');
  let n = 0;
  while (!importDone && n < handable.length) {
    const card = handable[n++]?.kaartnummer;
    const r = await post('handOut', { card, staff: 'An', idChecked: true }, handoutAgent).catch(() => null);
    if (r?.body.startsWith('{"ok":true')) handoutMs.push(r.ms);
    else {
      handoutFailures += 1;
      firstHandoutFailure ??= r?.body.slice(0, 200) ?? 'no answer';
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
})();
const idleFailures = searchFailures;
while (!importDone) {
  const ms = await search();
  if (ms !== null) during.push(ms);
}
const imported = await importing;
await handoutLoop;
const importMs = performance.now() - importStart;
if (!imported.body.startsWith('{"ok":true')) throw new Error(`import failed: ${imported.body.slice(0, 300)}`);
await new Promise((resolve) => setTimeout(resolve, 200));

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const fmt = (x: number) => x.toFixed(1);
const idleS = sorted(idle);
const duringS = sorted(during);
const applyEvents = events.filter((e) => e.p.work === 'importPackage' && e.p.phase === 'apply');
const applyStart = applyEvents[0]?.at;
const applyEnd = applyEvents.at(-1)?.at;
const phaseStart = (phase: string) => events.find((e) => e.p.phase === phase)?.at;

console.log(
  `import under load: ${CARDS.toLocaleString('en')} cards into a store of ${BASE_CARDS.toLocaleString('en')}`,
);
console.log(`  import runs: ${inThread ? 'on the main thread (before)' : 'in the worker thread'}`);
console.log(`  package ${(big.packageBytes / 1e6).toFixed(1)} MB, import request ${fmt(importMs)} ms`);
console.log(
  `  search idle:          n=${idle.length} p50=${fmt(percentile(idleS, 50))} ms p95=${fmt(percentile(idleS, 95))} ms max=${fmt(idleS.at(-1) ?? NaN)} ms`,
);
console.log(
  `  search during import: n=${during.length} p50=${fmt(percentile(duringS, 50))} ms p95=${fmt(percentile(duringS, 95))} ms max=${fmt(duringS.at(-1) ?? NaN)} ms`,
);
console.log(`  failed searches: idle ${idleFailures}, during import ${searchFailures - idleFailures}`);
console.log(
  `  ratio during/idle:    p50 ×${(percentile(duringS, 50) / percentile(idleS, 50)).toFixed(2)}, p95 ×${(percentile(duringS, 95) / percentile(idleS, 95)).toFixed(2)}`,
);
console.log(`  goal p95 ≤ 50 ms during import: ${percentile(duringS, 95) <= 50 ? 'met' : 'NOT met'}`);
if (applyStart !== undefined && applyEnd !== undefined)
  console.log(
    `  apply transaction (progress 'apply' start → end, as seen over SSE): ${fmt(applyEnd - applyStart)} ms`,
  );
else console.log('  apply transaction: no progress events (import on the main thread reports none)');
for (const phase of ['verify', 'parse', 'plan', 'apply'])
  if (phaseStart(phase) !== undefined)
    console.log(`    phase ${phase} starts at +${fmt((phaseStart(phase) ?? 0) - importStart)} ms`);
if (values.handouts) {
  const h = sorted(handoutMs);
  console.log(
    `  hand-outs during import: n=${h.length} p50=${fmt(percentile(h, 50))} ms p95=${fmt(percentile(h, 95))} ms max=${fmt(h.at(-1) ?? NaN)} ms, failed ${handoutFailures}`,
  );
  if (firstHandoutFailure) console.log(`    first failed hand-out answered: ${firstHandoutFailure}`);
}
sse.destroy();
await transport.close();
await longWork?.close();
ctx.db.close();
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
