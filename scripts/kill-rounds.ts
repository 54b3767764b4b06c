// `npm run kill-rounds -- --rounds 200 [--seed N] [--keep]`: the long run of the crash test.
// One store; each round a worker process hands out cards, collects groups of 10 and imports signed
// packages until it is SIGKILLed at a random point; then the store is reopened and checked against
// every acknowledgement so far. Four rounds also SIGSTOP the worker while a second desk writes
// (twice shorter than the 5 s busy timeout, twice longer). Exit code 1 on any failure.
// Run it with `nice -n 10` on a shared machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  killRound,
  prepareKillBench,
  type KillMode,
  type RoundOutcome,
} from '../test/helpers/killRounds';

const MODES: readonly KillMode[] = ['import', 'group', 'ack', 'delay'];

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '200' },
    seed: { type: 'string', default: '20270115' },
    keep: { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);
const seed = Number(values.seed);
if (!Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(seed)) {
  console.error('usage: kill-rounds [--rounds N] [--seed N] [--keep]');
  process.exit(2);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'balie-kill-rounds-'));
const bench = await prepareKillBench({
  dir,
  baseCards: 5_000,
  packages: Math.max(10, Math.ceil(rounds / 2.5)),
  // Large enough that an import lasts long enough for kills to land inside it on a fast machine.
  cardsPerPackage: 3_000,
});
/** The SIGSTOP rounds: the second desk's wait ends once before and once after the busy timeout. */
const stops = new Map<number, number>(
  [1_000, 7_000, 1_000, 7_000].map((holdMs, i) => [
    Math.max(i + 1, Math.floor(((i + 1) * rounds) / 5)),
    holdMs,
  ]),
);

const outcomes: RoundOutcome[] = [];
for (let round = 1; round <= rounds; round += 1) {
  const mode = MODES[(round - 1) % MODES.length] as KillMode;
  const holdMs = stops.get(round);
  const outcome = await killRound(bench, round, mode, seed + round, holdMs ? { holdMs } : undefined);
  outcomes.push(outcome);
  const line = [
    `round ${round} ${holdMs ? `sigstop ${holdMs} ms` : mode}`,
    `${outcome.signal ?? 'no signal'}`,
    `acks: ${outcome.handouts} hand-outs, ${outcome.groups} groups, ${outcome.imports} imports`,
    outcome.killedInImport ? 'killed inside an import' : '',
    outcome.unacknowledgedCards > 0 ? `${outcome.unacknowledgedCards} committed unacknowledged` : '',
    outcome.secondWriter ? `second desk: ${outcome.secondWriter}` : '',
    outcome.failures.length > 0 ? `FAILED: ${outcome.failures.join(' | ')}` : 'ok',
  ];
  console.log(line.filter((part) => part !== '').join('; '));
}

const failed = outcomes.filter((o) => o.failures.length > 0);
const sum = (pick: (o: RoundOutcome) => number): number => outcomes.reduce((n, o) => n + pick(o), 0);
const importedBatches = [...bench.packageCards.keys()].filter((id) => bench.acked.imports.has(id)).length;
console.log(`
kill rounds: ${rounds} (seed ${seed}), SIGKILLs: ${outcomes.filter((o) => o.signal === 'SIGKILL').length}
killed inside an import: ${outcomes.filter((o) => o.killedInImport).length}
acknowledged and verified: ${bench.acked.handouts.size} hand-outs, ${bench.acked.groups.size} groups of 10, ${bench.acked.imports.size} imports (${importedBatches} of ${bench.packageCards.size} packages)
committed but not acknowledged at the kill (allowed, at most one operation): ${sum((o) => o.unacknowledgedCards)} cards in ${outcomes.filter((o) => o.unacknowledgedCards > 0).length} rounds
SIGSTOP rounds: ${outcomes
  .filter((o) => o.secondWriter !== undefined)
  .map((o) => `round ${o.round}: ${o.secondWriter ?? ''}`)
  .join('; ')}
failed rounds: ${failed.length}${failed.length > 0 ? ` (${failed.map((o) => o.round).join(', ')})` : ''}`);
if (values.keep) console.log(`store kept in ${dir}`);
else fs.rmSync(dir, { recursive: true, force: true });
process.exit(failed.length > 0 ? 1 : 0);
