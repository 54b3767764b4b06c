import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  PIN,
  enrol,
  handOut,
  issuer,
  package2028,
  payloadOf,
  report,
  setUpPoint,
  waitingCards,
} from '../../../../helpers/trustFixture';

const DEC = '2026-12-02T09:30:00Z';
const JUL = '2027-07-10T09:00:00Z';
const NOV = '2027-11-05T09:00:00Z';

describe('the year rollover', () => {
  it('closes 2027 with a final report and an archive, takes the 2028 package, and the issuer verifies two chains', async () => {
    const point = await setUpPoint(DEC);
    const old = await waitingCards(point, DEC);
    await handOut(point, DEC, old[0]!);
    await handOut(point, DEC, old[1]!);
    const r1 = await report(point, DEC, 'r1.lkr.json');
    await enrol(point, DEC);

    // Before the rollover the 2028 package belongs to another year; the rollover needs the PIN.
    const refused = await point.cli(
      JUL,
      'new-year',
      '--card-year',
      '2028',
      '--report',
      path.join(point.dir, 'x.lkr.json'),
      '--staff',
      'Sofie',
      '--admin-pin',
      '999999',
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/pincode/i);
    const backwards = await point.cli(
      JUL,
      'new-year',
      '--card-year',
      '2026',
      '--report',
      path.join(point.dir, 'x.lkr.json'),
      '--staff',
      'Sofie',
      '--admin-pin',
      PIN,
    );
    expect(backwards.code).toBe(1);
    expect(backwards.err).toMatch(/Kaartjaar 2026 komt niet na het huidige kaartjaar 2027/);

    const finalFile = path.join(point.dir, 'r2-final-2027.lkr.json');
    const rolled = await point.cli(
      JUL,
      'new-year',
      '--card-year',
      '2028',
      '--report',
      finalFile,
      '--staff',
      'Sofie',
      '--admin-pin',
      PIN,
    );
    expect(rolled.code, rolled.err).toBe(0);
    expect(rolled.out).toMatch(/Kaartjaar 2027 afgesloten; deze balie hoort nu bij kaartjaar 2028/);
    expect(rolled.out).toMatch(/Eindrapport 2 van 2027/);
    const final = payloadOf(finalFile);
    expect(final).toMatchObject({
      cardYear: 2027,
      sequence: 2,
      totals: expect.objectContaining({ collected: 2 }),
    });
    const archive = /Archief van 2027 \(60 kaarten\): (\S+)\./.exec(rolled.out)?.[1];
    expect(archive && fs.existsSync(archive)).toBe(true);

    // The live store now holds no 2027 card; the archive still has them all with their hand-outs.
    expect(JSON.parse((await point.cli(NOV, 'stats', '--json')).out)).toMatchObject({
      cards: 0,
      collected: 0,
    });
    const archived = await point.cli(NOV, '--db', archive!, 'stats', '--json');
    expect(JSON.parse(archived.out)).toMatchObject({ cards: 60, collected: 2 });

    // The new year's first batch, hand-outs in the new year, its first report.
    const imported = await point.cli(NOV, 'import', package2028(point.dir), '--admin-pin', PIN);
    expect(imported.code, imported.err).toBe(0);
    const fresh = await waitingCards(point, NOV);
    expect(fresh).toHaveLength(5);
    await handOut(point, NOV, fresh[0]!);
    const r3 = await report(point, NOV, 'r3.lkr.json');
    const first2028 = payloadOf(r3);
    expect(first2028).toMatchObject({
      cardYear: 2028,
      sequence: 3,
      totals: expect.objectContaining({ cards: 5, collected: 1 }),
    });
    expect(first2028.audit.started?.reason).toBe('new_year');
    expect(first2028.audit.epoch).toBe(final.audit.epoch + 1);
    await handOut(point, NOV, fresh[1]!);
    const r4 = await report(point, NOV, 'r4.lkr.json');

    // The issuer: one chain per card year, each verified; 2028 merged by default, 2027 on request.
    const verified = await issuer(point, 'verify', r1, finalFile, r3, r4);
    expect(verified.code, verified.err).toBe(0);
    expect(verified.out).toMatch(/r3\.lkr\.json: geldig — BIB-GENT 2028, rapport 3/);
    expect(verified.err).not.toMatch(/ontbreekt|gebroken|achteruit/);
    const merged2028 = await issuer(
      point,
      'aggregate',
      r1,
      finalFile,
      r3,
      r4,
      '--by',
      'point',
      '--format',
      'json',
    );
    expect(merged2028.code, merged2028.err).toBe(0);
    expect(JSON.parse(merged2028.out)).toEqual([
      expect.objectContaining({ key: 'BIB-GENT', cards: 5, collected: 2 }),
    ]);
    expect(merged2028.err).toMatch(/Kaartjaar 2028 samengeteld; rapporten van 2027 niet meegeteld/);
    const merged2027 = await issuer(
      point,
      'aggregate',
      r1,
      finalFile,
      r3,
      r4,
      '--by',
      'point',
      '--format',
      'json',
      '--card-year',
      '2027',
    );
    expect(merged2027.code).toBe(0);
    expect(JSON.parse(merged2027.out)).toEqual([
      expect.objectContaining({ key: 'BIB-GENT', cards: 60, collected: 2 }),
    ]);
    expect(merged2027.err).toMatch(
      /1 ouder rapport van 2027 niet meegeteld \(1\); het nieuwste is rapport 2/,
    );

    // The point's own check still holds over the rollover.
    const audit = await point.cli(NOV, 'audit', 'verify');
    expect(audit.code, audit.err).toBe(0);
    expect(audit.out).toMatch(/Ondertekende rapporten: 4 koppen kloppen/);

    // The archive is kept for its retention period (last day 2027-06-30 + 60 days), then purged
    // like the live store; the 2028 names stay, their year is still running.
    const purged = await point.cli(NOV, 'purge', '--admin-pin', PIN);
    expect(purged.code, purged.err).toBe(0);
    expect(purged.out).toMatch(/Archief balie-2027-BIB-GENT\.sqlite: persoonsgegevens gewist \(60 kaarten\)/);
    expect(purged.out).toMatch(/Huidig kaartjaar: /);
    const raw = new Database(archive!, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM cards WHERE voornaam IS NOT NULL').pluck().get()).toBe(0);
    expect(raw.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(60);
    raw.close();
    expect(await waitingCards(point, NOV)).toHaveLength(3);
  });

  it('refuses a rollover when no year was ever started: the package can simply be imported', async () => {
    const point = await setUpPoint(DEC, { importPackage: false });
    const run = await point.cli(
      JUL,
      'new-year',
      '--card-year',
      '2028',
      '--report',
      path.join(point.dir, 'x.lkr.json'),
      '--staff',
      'Sofie',
      '--admin-pin',
      PIN,
    );
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/geen jaar af te sluiten\. Lees het pakket van het nieuwe jaar gewoon in/);
    expect(fs.existsSync(path.join(point.dir, 'x.lkr.json'))).toBe(false);
  });
});
