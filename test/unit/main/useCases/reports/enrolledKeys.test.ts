import { describe, expect, it } from 'vitest';
import { PIN, enrol, issuer, report, setUpPoint } from '../../../../helpers/trustFixture';

const DAY1 = '2026-12-02T09:30:00Z';
const DAY2 = '2026-12-03T09:30:00Z';

describe('several enrolled keys per point', () => {
  it('a report signed by a rotated key verifies and says which key signed it; an unenrolled key is refused', async () => {
    const point = await setUpPoint(DAY1);
    const r1 = await report(point, DAY1, 'r1.lkr.json');
    expect(await enrol(point, DAY1)).toBe('BIB-GENT.pub.pem');

    const rotated = await point.cli(DAY2, 'keys', '--rotate', '--admin-pin', PIN);
    expect(rotated.code, rotated.err).toBe(0);
    expect(rotated.out).toMatch(/laat de uitgever die bewaren als BIB-GENT\.2\.pub\.pem, naast de vorige/);
    const audit = await point.cli(DAY2, 'audit', '--limit', '1');
    expect(audit.out).toMatch(
      /key_rotated .*"previousKeyId":"[0-9a-f]{64}".*"enrolAs":"BIB-GENT\.2\.pub\.pem"/,
    );
    const r2 = await report(point, DAY2, 'r2.lkr.json');

    // Not enrolled yet: refused, the first report still fine.
    const before = await issuer(point, 'verify', r1, r2);
    expect(before.code).toBe(1);
    expect(before.err).toMatch(
      /r2\.lkr\.json: geweigerd — ondertekend met een sleutel die niet voor dit afhaalpunt is aangemeld/,
    );
    expect(before.out).toMatch(/r1\.lkr\.json: geldig .* ondertekend met BIB-GENT\.pub\.pem/);

    expect(await enrol(point, DAY2)).toBe('BIB-GENT.2.pub.pem');
    const after = await issuer(point, 'verify', r1, r2, '--json');
    expect(after.code, after.err).toBe(0);
    expect(JSON.parse(after.out)).toEqual([
      expect.objectContaining({ file: 'r1.lkr.json', sequence: 1, keyFile: 'BIB-GENT.pub.pem' }),
      expect.objectContaining({ file: 'r2.lkr.json', sequence: 2, keyFile: 'BIB-GENT.2.pub.pem' }),
    ]);
    const table = await issuer(point, 'verify', r1, r2);
    expect(table.out).toMatch(
      /r2\.lkr\.json: geldig — BIB-GENT 2027, rapport 2, .* ondertekend met BIB-GENT\.2\.pub\.pem/,
    );
  });
});
