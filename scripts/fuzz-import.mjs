#!/usr/bin/env node
// The long run of the import fuzzer (test/unit/main/useCases/import/importFuzz.test.ts has the fixed-seed slice):
//   npm run fuzz:import -- --runs 100000 [--seed N]
// Prints the count, ok/refused, failures and the peak RSS of the fuzzing process.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
  },
});
const env = { ...process.env, TZ: 'America/Anchorage', FUZZ_RUNS: values.runs, FUZZ_SEED: values.seed };
const run = spawnSync('npx', ['vitest', 'run', 'test/unit/main/useCases/import/importFuzz.test.ts', '--testTimeout', '0'], {
  stdio: 'inherit',
  env,
});
process.exit(run.status ?? 1);
