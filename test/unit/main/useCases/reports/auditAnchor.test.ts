import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { auditEntryHash, verifyAudit } from '../../../../../src/main/store/audit/auditLog';
import {
  enrol,
  handOut,
  issuer,
  payloadOf,
  report,
  setUpPoint,
  waitingCards,
} from '../../../../helpers/trustFixture';

const DAY1 = '2026-12-02T09:30:00Z';
const DAY2 = '2026-12-03T09:30:00Z';
const DAY3 = '2026-12-04T09:30:00Z';

/**
 * What someone with the database file can do: drop the append-only triggers, change history,
 * and recompute every hash and link with the project's own hash function so the chain is whole.
 */
function rewriteAudit(dbPath: string, edit: (raw: Database.Database) => void): void {
  const raw = new Database(dbPath);
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  edit(raw);
  const rows = raw.prepare('SELECT seq, at, action, details FROM audit_log ORDER BY seq').all() as {
    seq: number;
    at: string;
    action: string;
    details: string;
  }[];
  raw.exec('DELETE FROM audit_log');
  const insert = raw.prepare(
    'INSERT INTO audit_log (seq, at, action, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)',
  );
  let prev = '0'.repeat(64);
  rows.forEach((row, i) => {
    const seq = i + 1;
    const hash = auditEntryHash(prev, seq, row.at, row.action, row.details);
    insert.run(seq, row.at, row.action, row.details, prev, hash);
    prev = hash;
  });
  raw.close();
}

describe('the audit log is anchored in the signed reports', () => {
  it('each report carries the head of the log as it was; its own entry shows up in the next one', async () => {
    const point = await setUpPoint(DAY1);
    const r1 = payloadOf(await report(point, DAY1, 'r1.lkr.json'));
    const r2 = payloadOf(await report(point, DAY2, 'r2.lkr.json'));
    expect(r1.audit).toEqual({
      epoch: 1,
      seq: expect.any(Number),
      head: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // Between them: report 1's own entry, and nothing else; the head is that entry's hash.
    expect(r2.audit.seq).toBe(r1.audit.seq + 1);
    const raw = new Database(point.db, { readonly: true });
    const entry = raw
      .prepare('SELECT action, hash, details FROM audit_log WHERE seq = ?')
      .get(r2.audit.seq) as {
      action: string;
      hash: string;
      details: string;
    };
    raw.close();
    expect(entry).toMatchObject({ action: 'report', hash: r2.audit.head });
    expect(JSON.parse(entry.details)).toMatchObject({ sequence: 1 });
  });

  it('a rewrite with the triggers dropped and the chain recomputed passes the chain check but not the signed heads', async () => {
    const point = await setUpPoint(DAY1);
    const cards = await waitingCards(point, DAY1);
    await handOut(point, DAY1, cards[0]!);
    await handOut(point, DAY1, cards[1]!);
    await report(point, DAY1, 'r1.lkr.json');
    await handOut(point, DAY2, cards[2]!);
    await report(point, DAY2, 'r2.lkr.json');
    expect((await point.cli(DAY2, 'audit', 'verify')).code).toBe(0);

    // Remove the trace of the first hand-out, and alter the second.
    rewriteAudit(point.db, (raw) => {
      const first = raw
        .prepare(`SELECT seq FROM audit_log WHERE action = 'handout' ORDER BY seq LIMIT 1`)
        .pluck()
        .get();
      raw.prepare('DELETE FROM audit_log WHERE seq = ?').run(first);
      raw.exec(`UPDATE audit_log SET details = replace(details, 'Sofie', 'Jonas') WHERE action = 'handout'`);
    });

    // The recomputed chain is whole: only the signed heads can tell.
    const raw = new Database(point.db, { readonly: true });
    expect(verifyAudit(raw).ok).toBe(true);
    raw.close();
    const run = await point.cli(DAY3, 'audit', 'verify');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(
      /Auditlog NIET in orde: ondertekend rapport 1 droeg auditregel \d+, maar die regel is niet meer dezelfde\. Het log is herschreven/,
    );
  });

  it('a log cut short after a report was signed is caught too', async () => {
    const point = await setUpPoint(DAY1);
    await report(point, DAY1, 'r1.lkr.json');
    const cards = await waitingCards(point, DAY1);
    await handOut(point, DAY2, cards[0]!);
    const r2 = payloadOf(await report(point, DAY2, 'r2.lkr.json'));
    rewriteAudit(point.db, (raw) =>
      raw.prepare('DELETE FROM audit_log WHERE seq >= ?').run(r2.audit.seq - 1),
    );
    const run = await point.cli(DAY3, 'audit', 'verify');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/ondertekend rapport 2 droeg auditregel \d+, maar die regel bestaat niet meer/);
  });

  it('a restored backup starts a new epoch, keeps the report numbering, and the issuer has no false alarm', async () => {
    const point = await setUpPoint(DAY1);
    const cards = await waitingCards(point, DAY1);
    await handOut(point, DAY1, cards[0]!);
    const r1 = await report(point, DAY1, 'r1.lkr.json');
    await enrol(point, DAY1);
    const backup = path.join(point.dir, 'handmatig.sqlite');
    expect((await point.cli(DAY1, 'backup', '--out', backup)).code).toBe(0);
    await handOut(point, DAY2, cards[1]!);
    const r2 = await report(point, DAY2, 'r2.lkr.json');

    const restored = await point.cli(DAY3, 'restore', backup);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toMatch(
      /Nieuw auditbereik 2 \(terugzetten\).*1 ondertekend rapport van na de back-up blijft bewaard/,
    );
    await handOut(point, DAY3, cards[2]!);
    const r3 = await report(point, DAY3, 'r3.lkr.json');
    const p3 = payloadOf(r3);
    expect(p3).toMatchObject({ sequence: 3, audit: { epoch: 2, started: { reason: 'restore' } } });
    // The restored log is shorter than when report 2 was signed: a new epoch, not a rewrite.
    expect(p3.audit.seq).toBeLessThan(payloadOf(r2).audit.seq + 3);

    const audit = await point.cli(DAY3, 'audit', 'verify');
    expect(audit.code, audit.err).toBe(0);
    expect(audit.out).toMatch(/2 koppen kloppen met het log; 1 van vóór een teruggezette back-up/);

    for (const command of ['verify', 'aggregate'] as const) {
      const run = await issuer(point, command, r1, r2, r3);
      expect(run.code, run.err).toBe(0);
      expect(run.err).not.toMatch(/verschillende|gebroken|achteruit|zonder reden/);
    }
  });

  it('a copied store that forks the chain is refused by the issuer; --allow-conflicts merges with the warning', async () => {
    const point = await setUpPoint(DAY1);
    const cards = await waitingCards(point, DAY1);
    const r1 = await report(point, DAY1, 'r1.lkr.json');
    await enrol(point, DAY1);
    // A copy of the whole installation folder (store and key), e.g. onto a second PC.
    const copyDir = path.join(point.dir, 'kopie');
    fs.mkdirSync(copyDir);
    fs.copyFileSync(point.db, path.join(copyDir, 'balie.sqlite'));
    fs.cpSync(path.join(point.dir, 'keys'), path.join(copyDir, 'keys'), { recursive: true });
    const copy = { ...point, dir: copyDir, db: path.join(copyDir, 'balie.sqlite') };
    copy.cli = (at: string, ...argv: string[]) => point.cli(at, '--db', copy.db, ...argv);

    await handOut(point, DAY2, cards[0]!);
    const r2a = await report(point, DAY2, 'r2-origineel.lkr.json');
    await handOut(copy, DAY2, cards[1]!);
    await handOut(copy, DAY2, cards[2]!);
    const r2b = await report(copy, DAY2, 'r2-kopie.lkr.json');

    const verified = await issuer(point, 'verify', r1, r2a, r2b);
    expect(verified.code).toBe(1);
    expect(verified.err).toMatch(
      /BIB-GENT: verschillende rapporten met volgnummer 2 \(r2-kopie\.lkr\.json, r2-origineel\.lkr\.json\)/,
    );
    const refused = await issuer(point, 'aggregate', r1, r2a, r2b, '--format', 'json');
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('');
    expect(refused.err).toMatch(/niets samengenomen.*--allow-conflicts/);

    const merged = await issuer(point, 'aggregate', r1, r2a, r2b, '--format', 'json', '--allow-conflicts');
    expect(merged.code).toBe(0);
    expect(merged.err).toMatch(/verschillende rapporten met volgnummer 2/);
    expect(merged.err).toMatch(/Toch samengenomen \(--allow-conflicts\)/);
    expect(JSON.parse(merged.out)[0]).toMatchObject({ key: 'Oost-Vlaanderen' });
  });

  it('a report whose audit head went backwards within its epoch is refused, saying which', async () => {
    const point = await setUpPoint(DAY1);
    const r1 = await report(point, DAY1, 'r1.lkr.json');
    await enrol(point, DAY1);
    // Cut the log back and recompute it (without the point noticing, say), then sign report 2.
    const seq1 = payloadOf(r1).audit.seq;
    rewriteAudit(point.db, (raw) => {
      raw.prepare('DELETE FROM audit_log WHERE seq > ?').run(seq1 - 3);
      raw.exec('UPDATE reports SET audit_head = NULL');
    });
    const r2 = await report(point, DAY2, 'r2.lkr.json');
    const run = await issuer(point, 'verify', r1, r2);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(
      /BIB-GENT: rapport 2 \(r2\.lkr\.json\) — het auditlog gaat achteruit binnen auditbereik 1: regel \d+, terwijl rapport 1 \(r1\.lkr\.json\) al regel \d+ droeg/,
    );
  });
});
