import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeskCertificate } from '../../../../../src/main/platform/lan/deskCertificate';
import { joinPoint } from '../../../../../src/main/useCases/point/joinPoint';
import { servePoint } from '../../../../../src/main/useCases/point/servePoint';
import type { PointService } from '../../../../../src/main/useCases/point/servePoint';
import { closeDeskStores, deskStore } from '../../../../helpers/deskFixture';
import { tempDir } from '../../../../helpers/store';

const services: PointService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
  closeDeskStores();
});

async function hostServing() {
  const host = await deskStore();
  const service = await servePoint(host, {
    identity: await createDeskCertificate('Balie 1', host.clock),
    listen: { host: '127.0.0.1', port: 0 },
  });
  services.push(service);
  return { host, service };
}

const joinAs = (clock: Parameters<typeof joinPoint>[0]['clock'], url: string, code: string) => {
  const dir = tempDir();
  return joinPoint({
    dbPath: path.join(dir, 'desk.sqlite'),
    url,
    code,
    deskName: 'Groepen',
    clock,
    backupDir: path.join(dir, 'backups'),
  });
};

describe('joining with what a person types (real pairing over loopback)', () => {
  it('the code without its dash and the address without https:// pair as the screen showed them', async () => {
    const { host, service } = await hostServing();
    const digits = (service.code ?? '').replace('-', ' ');
    const address = service.url.replace('https://', '');
    const joined = await joinAs(host.clock, address, digits);
    expect(joined).toMatchObject({ ok: true, value: { pointId: 'BIB-GENT' } });
  });

  it('a code of the wrong length is a wrong code: refused, and the right one still works after it', async () => {
    const { host, service } = await hostServing();
    const refused = await joinAs(host.clock, service.url, (service.code ?? '').slice(0, 6));
    expect(refused.ok).toBe(false);
    expect((await joinAs(host.clock, service.url, service.code ?? '')).ok).toBe(true);
  });
});
