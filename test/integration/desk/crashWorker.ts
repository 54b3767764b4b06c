/**
 * Child process of crash.test.ts: hands out cards as fast as it can until it is killed.
 *
 *   node --import tsx test/integration/desk/crashWorker.ts <store file> <clock ISO instant>
 *
 * Every step hands out one card (every 7th step: a group of 3). Only after the transaction has
 * committed does it write the card number(s) to stdout, one per line, with a synchronous write:
 * a line on stdout is the desk's promise "this card is handed out".
 */
import fs from 'node:fs';
import { collectGroup } from '../../../src/main/desk/collectGroup';
import { handOut } from '../../../src/main/desk/handOut';
import { openStore } from '../../../src/main/store/openStore';
import type { StoreContext } from '../../../src/main/store/storeContext';
import { fixedClock } from '../../../src/shared/time/clock';

const [dbPath, clockAt] = process.argv.slice(2);
if (!dbPath || !clockAt) {
  fs.writeSync(2, 'usage: crashWorker.ts <store file> <clock ISO instant>\n');
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

const waiting = db
  .prepare(
    `SELECT c.card FROM cards c LEFT JOIN card_state s ON s.card_id = c.id
     WHERE s.card_id IS NULL AND c.issuer_status = 'beschikbaar' AND c.replaced_by IS NULL ORDER BY c.id`,
  )
  .pluck()
  .all() as string[];

fs.writeSync(1, 'ready\n');
let next = 0;
for (let step = 1; next < waiting.length; step += 1) {
  clock.advance(250);
  if (step % 7 === 0 && next + 3 <= waiting.length) {
    const cards = waiting.slice(next, next + 3);
    next += 3;
    const result = collectGroup(ctx, {
      collector: { kind: 'person', name: 'Crash Collector', idNote: 'eID test' },
      cards,
      staff: 'Crash',
      idChecked: true,
      requestId: `crash-group-${step}`,
    });
    if (!result.ok) throw new Error(`group refused: ${JSON.stringify(result)}`);
    fs.writeSync(1, cards.map((c) => `${c}\n`).join(''));
  } else {
    const card = waiting[next] as string;
    next += 1;
    const result = handOut(ctx, { card, staff: 'Crash', idChecked: true, requestId: `crash-single-${step}` });
    if (!result.ok) throw new Error(`hand-out refused: ${JSON.stringify(result)}`);
    fs.writeSync(1, `${card}\n`);
  }
}
fs.writeSync(1, 'done\n');
db.close();
