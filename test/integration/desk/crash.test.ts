import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../src/main/audit/auditLog';
import { importBatch } from '../../../src/main/batch/importBatch';
import { handOut } from '../../../src/main/desk/handOut';
import { openStore } from '../../../src/main/store/openStore';
import { fixedClock } from '../../../src/shared/time/clock';
import { makeCardNumber } from '../../../src/shared/domain/cardNumber';
import { CARDS_HEADER, makeTestPackage } from '../../helpers/packages';
import { tempDir, testStore } from '../../helpers/store';

const REPO = path.resolve(import.meta.dirname, '../../..');
const WORKER = path.join(import.meta.dirname, 'crashWorker.ts');
const CARDS = 3_000;
/** 10:00 in Brussels on a day inside the collection period. */
const CLOCK_AT = '2027-01-15T09:00:00Z';

let template: string;
const dirs: string[] = [];

beforeAll(async () => {
  const store = testStore({ at: CLOCK_AT });
  dirs.push(store.dir);
  const rows = [CARDS_HEADER];
  for (let i = 1; i <= CARDS; i += 1) {
    rows.push(`${makeCardNumber(2_700_100_000 + i)};${80_000_000_000 + i};Leraar;Nummer ${i};9000;Gent;;`);
  }
  const imported = await importBatch(store, makeTestPackage({ cardsCsv: `${rows.join('\r\n')}\r\n` }));
  if (!imported.ok || imported.value.added !== CARDS) throw new Error('could not prepare the crash store');
  store.db.close(); // checkpoints the WAL: the one file is the whole store
  template = store.dbPath;
});

afterAll(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

interface Run {
  acknowledged: string[];
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts the worker on a copy of the store and SIGKILLs it once it has acknowledged `killAfter` cards. */
function runAndKill(dbPath: string, killAfter: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dbPath, CLOCK_AT], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged: string[] = [];
    let pending = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`worker too slow: ${acknowledged.length} cards acknowledged; stderr: ${stderr}`));
    }, 15_000);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      // Lines still in the pipe after the kill were written after a commit too: they count.
      for (const line of lines) if (/^\d{12}$/.test(line)) acknowledged.push(line);
      if (!killed && acknowledged.length >= killAfter) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      resolve({ acknowledged, signal, stderr });
    });
  });
}

describe('a desk PC that dies in the middle of handing out cards', () => {
  for (const [run, killAfter] of [50, 200, 500, 333].entries()) {
    it(`loses no acknowledged card and leaves no half group (run ${run + 1}: killed after ~${killAfter} cards)`, async () => {
      const dir = tempDir('balie-crash-');
      dirs.push(dir);
      const dbPath = path.join(dir, 'balie.sqlite');
      fs.copyFileSync(template, dbPath);

      const { acknowledged, signal, stderr } = await runAndKill(dbPath, killAfter);
      expect(stderr).toBe('');
      expect(signal).toBe('SIGKILL');
      expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);
      expect(acknowledged.length).toBeLessThan(CARDS);

      const reopened = openStore(dbPath);
      if (!reopened.ok) throw new Error(`store does not open after the crash: ${reopened.error}`);
      const db = reopened.value;
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);

        // Every card the desk was told "handed out" is collected, with its hand-out event.
        const stateOf = db.prepare(
          `SELECT s.state, e.kind, c.card = ? AS same
           FROM cards c JOIN card_state s ON s.card_id = c.id JOIN desk_events e ON e.event_id = s.event_id
           WHERE c.card = ?`,
        );
        const lost = acknowledged.filter((card) => {
          const row = stateOf.get(card, card) as { state: string; kind: string } | undefined;
          return row?.state !== 'collected' || row.kind !== 'handout';
        });
        expect(lost).toEqual([]);

        // At most the one operation in flight committed without being acknowledged.
        const collected = db
          .prepare(`SELECT count(*) FROM card_state WHERE state = 'collected'`)
          .pluck()
          .get();
        const handouts = db.prepare(`SELECT count(*) FROM desk_events WHERE kind = 'handout'`).pluck().get();
        expect(collected).toBe(handouts);
        expect(collected as number).toBeGreaterThanOrEqual(acknowledged.length);
        expect(collected as number).toBeLessThanOrEqual(acknowledged.length + 3);
        expect(
          db
            .prepare(
              `SELECT count(*) FROM card_state s JOIN desk_events e ON e.event_id = s.event_id
               WHERE e.card_id <> s.card_id OR e.kind <> 'handout'`,
            )
            .pluck()
            .get(),
        ).toBe(0);

        // No group is half written: each has exactly `size` hand-outs.
        const groups = db
          .prepare(
            `SELECT g.group_id, g.size,
                    (SELECT count(*) FROM desk_events e WHERE e.group_id = g.group_id AND e.kind = 'handout') AS n
             FROM pickup_groups g`,
          )
          .all() as { group_id: string; size: number; n: number }[];
        expect(groups.length).toBeGreaterThan(0);
        for (const g of groups)
          expect({ group: g.group_id, n: g.n }).toEqual({ group: g.group_id, n: g.size });
        expect(groups.every((g) => g.size === 3)).toBe(true);
        expect(
          db
            .prepare(`SELECT count(*) FROM desk_events WHERE method = 'group' AND group_id IS NULL`)
            .pluck()
            .get(),
        ).toBe(0);

        // The audit log is whole and matches the events one for one.
        expect(verifyAudit(db)).toMatchObject({ ok: true });
        const audited = (action: string) =>
          db.prepare('SELECT count(*) FROM audit_log WHERE action = ?').pluck().get(action);
        expect(audited('handout')).toBe(
          db.prepare(`SELECT count(*) FROM desk_events WHERE method = 'self'`).pluck().get(),
        );
        expect(audited('group')).toBe(groups.length);

        // And the desk carries on where it stopped.
        const nextCard = db
          .prepare(
            `SELECT c.card FROM cards c LEFT JOIN card_state s ON s.card_id = c.id WHERE s.card_id IS NULL
             ORDER BY c.id LIMIT 1`,
          )
          .pluck()
          .get() as string;
        const ctx = {
          db,
          clock: fixedClock('2027-01-15T15:00:00Z'),
          dbPath,
          backupDir: path.join(dir, 'backups'),
        };
        expect(handOut(ctx, { card: nextCard, staff: 'Sofie', idChecked: true }).ok).toBe(true);
        expect(verifyAudit(db)).toMatchObject({ ok: true });
      } finally {
        db.close();
      }
    });
  }
});
