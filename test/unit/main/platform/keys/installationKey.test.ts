import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInstallationKey } from '../../../../../src/main/platform/keys/installationKey';
import { fixedClock } from '../../../../../src/shared/time/clock';
import { tempDir } from '../../../../helpers/store';

describe('createInstallationKey', () => {
  it('keeps a rotated key aside, named by the time on the clock it is given, and never overwrites it', () => {
    const dir = tempDir();
    const clock = fixedClock('2027-01-05T09:00:00Z');
    const first = createInstallationKey(dir, undefined, clock);
    clock.advance(60_000);
    const second = createInstallationKey(dir, undefined, clock);
    expect(second.keyId).not.toBe(first.keyId);
    const stamp = Date.parse('2027-01-05T09:00:00Z') + 60_000;
    expect(
      fs
        .readdirSync(dir)
        .filter((f) => f.includes('.retired-'))
        .sort(),
    ).toEqual([`report-signing.key.retired-${stamp}`, `report-signing.pub.pem.retired-${stamp}`]);
    expect(fs.readFileSync(path.join(dir, `report-signing.pub.pem.retired-${stamp}`), 'utf8')).toBe(
      first.publicKeyPem,
    );
  });
});
