import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../../src/main/store/audit/auditLog';
import { handOut } from '../../../../src/main/useCases/desk/handOut';
import { openStore } from '../../../../src/main/store/openStore';
import { fixedClock } from '../../../../src/shared/time/clock';
import { tempDir } from '../../../helpers/store';
import {
  killRound,
  prepareKillBench,
  type KillBench,
  type KillMode,
  type RoundOutcome,
} from '../../../helpers/killRounds';

/** Fixed seeds: a failing round replays with `npm run kill-rounds -- --seed 20270115`. */
const SEED = 20_270_115;
const MODES: readonly KillMode[] = ['import', 'group', 'ack', 'delay'];
const ROUNDS = 24;

let dir: string;
let bench: KillBench;
const outcomes: RoundOutcome[] = [];

beforeAll(async () => {
  dir = tempDir('balie-crash-');
  // Small on purpose: 24 worker processes must start, work and be checked on a loaded 2-core machine.
  // Packages of 5,000 cards: an import lasts long enough on a fast machine for a kill to land inside it.
  bench = await prepareKillBench({ dir, baseCards: 800, packages: 10, cardsPerPackage: 5_000 });
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a desk PC that is killed (SIGKILL) at random points, 24 times on one store', () => {
  for (let round = 1; round <= ROUNDS; round += 1) {
    const mode = MODES[(round - 1) % MODES.length] as KillMode;
    it(`round ${round} (${mode}): store whole, every acknowledged hand-out, group and import kept, none half`, async () => {
      const outcome = await killRound(bench, round, mode, SEED + round);
      outcomes.push(outcome);
      expect(outcome.failures).toEqual([]);
      expect(outcome.signal).toBe('SIGKILL');
    });
  }

  it('the kills fell during hand-outs, groups and imports, and the desk carries on after the last', () => {
    expect(outcomes.filter((o) => o.signal === 'SIGKILL')).toHaveLength(ROUNDS);
    const total = (pick: (o: RoundOutcome) => number): number => outcomes.reduce((n, o) => n + pick(o), 0);
    expect(total((o) => o.handouts)).toBeGreaterThan(0);
    expect(total((o) => o.groups)).toBeGreaterThan(0);
    expect(total((o) => o.imports)).toBeGreaterThan(0);
    // Half the import rounds kill within 60 ms of the import's start: well inside it.
    expect(outcomes.filter((o) => o.killedInImport).length).toBeGreaterThanOrEqual(2);

    const reopened = openStore(bench.dbPath);
    if (!reopened.ok) throw new Error(`store does not open: ${reopened.error}`);
    const db = reopened.value;
    try {
      const nextCard = db
        .prepare(
          `SELECT c.card FROM cards c LEFT JOIN card_state s ON s.card_id = c.id WHERE s.card_id IS NULL
           ORDER BY c.id LIMIT 1`,
        )
        .pluck()
        .get() as string;
      const ctx = {
        db,
        clock: fixedClock('2027-01-20T15:00:00Z'),
        dbPath: bench.dbPath,
        backupDir: path.join(dir, 'backups'),
      };
      expect(handOut(ctx, { card: nextCard, staff: 'Sofie', idChecked: true }).ok).toBe(true);
      expect(verifyAudit(db)).toMatchObject({ ok: true });
    } finally {
      db.close();
    }
  });
});
