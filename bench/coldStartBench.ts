/**
 * `npm run bench:coldstart [-- --cards 200000] [-- --runs 7]`: cold start of the core to the first
 * search answer on a store of N cards, each run a fresh Node process (the desk's main process does
 * the same before the window can answer). Baseline in the same run: a bare `node -e` start.
 * Medians over the runs; RSS of the probe process. Not part of `npm test`.
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

process.stderr.write(`store of ${CARDS} cards …\n`);
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
  firstSearchMs: number;
  totalMs: number;
  rssMB: number;
  hits: number;
};
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
console.log(
  `cold start of the core to the first search answer, ${CARDS} cards, median of ${RUNS} fresh processes:`,
);
console.log(
  `  Node start ${m((p) => p.nodeStartMs).toFixed(1)} ms, modules (tsx) ${m((p) => p.modulesMs).toFixed(1)} ms,`,
);
console.log(
  `  open store (migrations check) ${m((p) => p.openStoreMs).toFixed(1)} ms, first search ${m((p) => p.firstSearchMs).toFixed(1)} ms (${probes[0]?.hits} hits)`,
);
console.log(`  total ${m((p) => p.totalMs).toFixed(1)} ms; peak RSS ${m((p) => p.rssMB).toFixed(0)} MB`);
console.log(
  `  baseline: bare \`node -e 0\` ${median(bare).toFixed(1)} ms (wall, spawn to exit); ratio ${(m((p) => p.totalMs) / median(bare)).toFixed(2)}x`,
);
fs.rmSync(dir, { recursive: true, force: true });
