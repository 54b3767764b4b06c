/**
 * Child process of the kill rounds (killRounds.ts): works a desk as fast as it can until it is killed.
 *
 *   node --import tsx test/helpers/crashWorker.ts <store> <clock ISO> <packages dir> <focus> <seed> <round>
 *   node --import tsx test/helpers/crashWorker.ts <store> <clock ISO> --single <card>
 *
 * Mixed steps, picked with a seeded PRNG: a hand-out, a group collection of GROUP_SIZE cards, or the
 * import of the next signed package in <packages dir> not yet in the store. Every step goes through the
 * real use case, and only after it returned ok is its acknowledgement written to stdout with a
 * synchronous write: a line on stdout is the desk's promise "this is stored".
 *
 *   ready <journal_mode> <synchronous>
 *   handout <requestId> <card>     group <requestId> <size>
 *   import-start <batchId>         import <batchId> <cards added>
 *
 * `--single` is the second desk of the SIGSTOP round: `ready`, one hand-out, then `handout …`,
 * `refused <error>` or `thrown <code>`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { importBatch } from '../../src/main/useCases/import/importBatch';
import { collectGroup } from '../../src/main/useCases/desk/collectGroup';
import { handOut } from '../../src/main/useCases/desk/handOut';
import { openStore } from '../../src/main/store/openStore';
import type { StoreContext } from '../../src/main/store/storeContext';
import { fixedClock } from '../../src/shared/time/clock';
import { CARDS_PER_ROUND, GROUP_SIZE, RESERVE_BATCH, seededRandom, type WorkerFocus } from './killPlan';

const [dbPath, clockAt, third, fourth, seedArg, roundArg] = process.argv.slice(2);
if (!dbPath || !clockAt || !third || !fourth) {
  fs.writeSync(2, 'usage: crashWorker.ts <store> <clock ISO> <packages dir> <focus> <seed> <round>\n');
  process.exit(2);
}
const opened = openStore(dbPath);
if (!opened.ok) {
  fs.writeSync(2, `cannot open store: ${opened.error}\n`);
  process.exit(3);
}
const db = opened.value;
const clock = fixedClock(clockAt);
const ctx: StoreContext = { db, clock, dbPath, backupDir: `${dbPath}.backups` };
const say = (line: string): void => {
  fs.writeSync(1, `${line}\n`);
};

if (third === '--single') {
  say('ready');
  try {
    const result = handOut(ctx, {
      card: fourth,
      staff: 'Tweede',
      idChecked: true,
      requestId: `second-${fourth}`,
    });
    say(result.ok ? `handout second-${fourth} ${fourth}` : `refused ${result.error}`);
  } catch (error) {
    say(`thrown ${(error as { code?: string }).code ?? (error as Error).message}`);
  }
  db.close();
  process.exit(0);
}

const packagesDir = third;
const focus = fourth as WorkerFocus;
const random = seededRandom(Number(seedArg ?? 1));
const round = roundArg ?? '0';

const waitingQuery = db
  .prepare(
    `SELECT c.card FROM cards c LEFT JOIN card_state s ON s.card_id = c.id
     WHERE s.card_id IS NULL AND c.issuer_status = 'beschikbaar' AND c.replaced_by IS NULL
       AND c.first_batch_id <> ? ORDER BY c.id`,
  )
  .pluck();
const importedQuery = db.prepare('SELECT 1 FROM batches WHERE batch_id = ?').pluck();
let waiting = waitingQuery.all(RESERVE_BATCH) as string[];
let next = 0;
const packages = fs
  .readdirSync(packagesDir)
  .filter((name) => name.endsWith('.lkb'))
  .sort();

function nextPackage(): string | undefined {
  return packages.find((name) => importedQuery.get(name.replace(/\.lkb$/, '')) === undefined);
}

async function importNext(file: string): Promise<void> {
  const batchId = file.replace(/\.lkb$/, '');
  say(`import-start ${batchId}`);
  const bytes = new Uint8Array(fs.readFileSync(path.join(packagesDir, file)));
  const result = await importBatch(ctx, bytes);
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result).slice(0, 500)}`);
  if (result.value.batchId !== batchId)
    throw new Error(`package ${file} holds batch ${result.value.batchId}`);
  say(`import ${batchId} ${result.value.added}`);
  waiting = waitingQuery.all(RESERVE_BATCH) as string[];
  next = 0;
}

/** Rare, as at a desk: most rounds import nothing, so the packages last over many rounds. */
const IMPORT_CHANCE = 0.015;

function groupChance(): number {
  return focus === 'group' ? 0.7 : 0.25;
}

// The durability settings this connection really runs with (synchronous is per connection).
say(
  `ready ${String(db.pragma('journal_mode', { simple: true }))} ${String(db.pragma('synchronous', { simple: true }))}`,
);
let cardsThisRound = 0;
for (let step = 1; step < 1_000_000; step += 1) {
  clock.advance(250);
  if (cardsThisRound >= CARDS_PER_ROUND) break;
  const pkg = nextPackage();
  const roll = random();
  if (pkg && ((focus === 'import' && step === 1) || roll < IMPORT_CHANCE)) {
    await importNext(pkg);
  } else if (roll < IMPORT_CHANCE + groupChance() && next + GROUP_SIZE <= waiting.length) {
    const cards = waiting.slice(next, next + GROUP_SIZE);
    next += GROUP_SIZE;
    cardsThisRound += GROUP_SIZE;
    const requestId = `crash-g-${round}-${step}`;
    const result = collectGroup(ctx, {
      collector: { kind: 'person', name: 'Crash Collector', idNote: 'eID test' },
      cards,
      staff: 'Crash',
      idChecked: true,
      requestId,
    });
    if (!result.ok) throw new Error(`group refused: ${JSON.stringify(result).slice(0, 500)}`);
    say(`group ${requestId} ${result.value.size}`);
  } else if (next < waiting.length) {
    const card = waiting[next] as string;
    next += 1;
    cardsThisRound += 1;
    const requestId = `crash-h-${round}-${step}`;
    const result = handOut(ctx, { card, staff: 'Crash', idChecked: true, requestId });
    if (!result.ok) throw new Error(`hand-out refused: ${JSON.stringify(result)}`);
    say(`handout ${requestId} ${card}`);
  } else if (!pkg) {
    break;
  }
}
// Out of work for this round (its share of cards, or the store's): stay up until the parent kills.
say('idle');
setInterval(() => undefined, 60_000);
