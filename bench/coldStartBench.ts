/**
 * `npm run bench:coldstart [-- --cards 200000] [-- --runs 7]`: cold start of the core to the first
 * search answer on a store of N cards, each run a fresh Node process (the desk's main process does
 * the same before the window can answer). Baseline in the same run: a bare `node -e` start.
 * Medians over the runs; peak RSS (ru_maxrss) of the probe process. `--json`: one JSON object on
 * stdout. Goals (issue 13): the core part (after Node's own start: loading the modules, opening
 * the store, the API handlers, the first search) ≤ 300 ms, peak RSS ≤ 150 MB. Modules load through
 * tsx here (compiled on the fly, cached after the first run); the app ships them bundled.
 * Also run by `npm run bench` (part coldstart).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CARDS = arg('cards', 200_000);
const RUNS = arg('runs', 7);
const ROOT = path.resolve(import.meta.dirname, '..');
const BALIE = path.join(ROOT, 'bin', 'balie');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'balie-coldstart-'));
const db = path.join(dir, 'balie.sqlite');
const key = path.join(ROOT, 'assets', 'demo-keys', 'issuer-test.key.pem');
const pub = path.join(ROOT, 'assets', 'demo-keys', 'issuer-test.pub.pem');
const balie = (...args: string[]) =>
  execFileSync(process.execPath, [BALIE, '--db', db, ...args], { stdio: 'pipe' });

process.stderr.write(`coldstart: store of ${CARDS} cards …\n`);
balie('init', '--point', 'BIB-GENT', '--name', 'Bibliotheek De Krook', '--issuer-key', pub);
balie(
  'demo-batch',
  '--point',
  'BIB-GENT',
  '--cards',
  String(CARDS),
  '--out',
  path.join(dir, 'p.lkb'),
  '--key',
  key,
);
balie('import', path.join(dir, 'p.lkb'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
type Probe = {
  nodeStartMs: number;
  modulesMs: number;
  openStoreMs: number;
  handlersMs: number;
  firstSearchMs: number;
  totalMs: number;
  coreMs: number;
  rssMB: number;
  hits: number;
};
export const TARGET_CORE_MS = 300;
export const TARGET_RSS_MB = 150;
const probes: Probe[] = [];
const bare: number[] = [];
for (let i = 0; i < RUNS; i++) {
  // Drop the OS page cache's advantage only as far as we can without root tricks: a fresh process each time.
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'bench', 'coldStartProbe.ts'), db],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  probes.push(JSON.parse(run.stdout) as Probe);
  const started = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  bare.push(Number(process.hrtime.bigint() - started) / 1e6);
}
const m = (pick: (p: Probe) => number) => median(probes.map(pick));
const result = {
  cards: CARDS,
  runs: RUNS,
  nodeStartMs: m((p) => p.nodeStartMs),
  modulesMs: m((p) => p.modulesMs),
  openStoreMs: m((p) => p.openStoreMs),
  handlersMs: m((p) => p.handlersMs),
  firstSearchMs: m((p) => p.firstSearchMs),
  coreMs: m((p) => p.coreMs),
  totalMs: m((p) => p.totalMs),
  rssMB: m((p) => p.rssMB),
  hits: probes[0]?.hits ?? 0,
  bareNodeMs: median(bare),
  targets: {
    coreMs: TARGET_CORE_MS,
    rssMB: TARGET_RSS_MB,
    coreMet: m((p) => p.coreMs) <= TARGET_CORE_MS,
    rssMet: m((p) => p.rssMB) <= TARGET_RSS_MB,
  },
};
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else {
  const f = (v: number) => `${v.toFixed(1)} ms`;
  console.log(
    `cold start of the core to the first search answer, ${CARDS} cards, median of ${RUNS} fresh processes:`,
  );
  console.log(`  Node start ${f(result.nodeStartMs)}, modules (tsx) ${f(result.modulesMs)},`);
  console.log(
    `  open store (migrations check) ${f(result.openStoreMs)}, API handlers ${f(result.handlersMs)}, first search via the handler ${f(result.firstSearchMs)} (${result.hits} hits)`,
  );
  console.log(
    `  core (after Node start: modules + store + handlers + first answer) ${f(result.coreMs)}: ≤ ${TARGET_CORE_MS} ms ${result.targets.coreMet ? 'MET' : 'MISSED'}; peak RSS ${result.rssMB.toFixed(0)} MB: ≤ ${TARGET_RSS_MB} MB ${result.targets.rssMet ? 'MET' : 'MISSED'}`,
  );
  console.log(
    `  total ${f(result.totalMs)}; baseline: bare \`node -e 0\` ${f(result.bareNodeMs)} (wall, spawn to exit); ratio ${(result.totalMs / result.bareNodeMs).toFixed(2)}x`,
  );
}
fs.rmSync(dir, { recursive: true, force: true });
