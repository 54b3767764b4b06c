import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBatch } from '../../../../../src/main/useCases/import/importBatch';
import { listBackups } from '../../../../../src/main/store/backup';
import { searchCards } from '../../../../../src/main/useCases/desk/searchCards';
import { cardStats } from '../../../../../src/main/useCases/admin/cardStats';
import { verifyAudit } from '../../../../../src/main/store/audit/auditLog';
import { dbChecksum, fixture, testStore } from '../../../../helpers/store';

const gentSmall = () => fs.readFileSync(fixture('gent-small.lkb'));

describe('importing a batch package', () => {
  it('imports the Gent fixture: 60 cards, the revoked ones counted, a backup made first', async () => {
    const store = testStore();
    const result = await importBatch(store, gentSmall());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const s = result.value;
    expect(s.batchId).toBe('2027-BIB-GENT-01');
    expect(s.added).toBe(60);
    expect(s.updated + s.unchanged + s.replaced).toBe(0);
    const stats = cardStats(store.db);
    expect(stats.cards).toBe(60);
    expect(stats.revoked).toBe(s.revoked);
    expect(s.revoked).toBeGreaterThan(0);
    expect(stats.waiting).toBe(60 - s.revoked);
    expect(s.backup).not.toBeNull();
    expect(listBackups(store.backupDir, 'import')).toHaveLength(1);
    expect(verifyAudit(store.db)).toEqual({ ok: true, entries: 2 });
  });

  it('says "already imported" for the same package again and changes nothing', async () => {
    const store = testStore();
    await importBatch(store, gentSmall());
    const before = dbChecksum(store.db);
    const again = await importBatch(store, gentSmall());
    expect(again.ok && again.value.alreadyImported).toBe(true);
    expect(dbChecksum(store.db)).toBe(before);
  });

  it('refuses a package whose signature does not verify and leaves the store unchanged', async () => {
    const store = testStore();
    const before = dbChecksum(store.db);
    const result = await importBatch(store, fs.readFileSync(fixture('gent-bad-signature.lkb')));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe('invalid_package');
    if (result.error !== 'invalid_package') return;
    expect(result.problems.map((p) => p.code)).toEqual(['signature_invalid']);
    expect(dbChecksum(store.db)).toBe(before);
  });

  it('imports a wrongly signed package only with the admin override, and records that', async () => {
    const store = testStore();
    const result = await importBatch(store, fs.readFileSync(fixture('gent-bad-signature.lkb')), {
      allowUnsigned: true,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.signature).toBe('unsigned_override');
    const actions = store.db.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all();
    expect(actions).toContain('import_unsigned_override');
  });

  it('refuses the Letterenhuis package at the Gent point, naming both points', async () => {
    const store = testStore();
    const before = dbChecksum(store.db);
    const result = await importBatch(store, fs.readFileSync(fixture('letterenhuis.lkb')));
    expect(result.ok).toBe(false);
    if (result.ok || result.error !== 'invalid_package') return;
    expect(result.problems[0]).toMatchObject({
      code: 'point_mismatch',
      value: 'LETTERENHUIS',
      expected: 'BIB-GENT',
    });
    expect(dbChecksum(store.db)).toBe(before);
  });

  it('refuses to import before the point is set up, saying what to run', async () => {
    const store = testStore({ pointId: null });
    const result = await importBatch(store, gentSmall());
    expect(result).toEqual({ ok: false, error: 'not_initialized' });
  });

  it('previews the summary without changing anything', async () => {
    const store = testStore();
    const before = dbChecksum(store.db);
    const result = await importBatch(store, gentSmall(), { preview: true });
    expect(result.ok && result.value.added).toBe(60);
    expect(dbChecksum(store.db)).toBe(before);
  });

  it('stores the points directory from points.csv', async () => {
    const store = testStore();
    await importBatch(store, gentSmall());
    const ids = store.db.prepare('SELECT point_id FROM points ORDER BY point_id').pluck().all();
    expect(ids).toEqual(['BIB-GENT', 'BIB-HASSELT', 'BIB-LEUVEN', 'LETTERENHUIS']);
  });

  it('makes the imported cards findable by name and number at once', async () => {
    const store = testStore();
    await importBatch(store, gentSmall());
    const hits = searchCards(store.db, '270000000154');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ card: '270000000154', achternaam: 'Van de Velde', match: 'card' });
    expect(searchCards(store.db, 'velde pieter').map((h) => h.card)).toContain('270000000154');
  });
});
