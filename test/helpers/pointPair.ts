import path from 'node:path';
import {
  createDeskCertificate,
  deskCertificateDirFor,
  loadOrCreateDeskCertificate,
} from '../../src/main/platform/lan/deskCertificate';
import { openStore } from '../../src/main/store/openStore';
import type { StoreContext } from '../../src/main/store/storeContext';
import { joinPoint } from '../../src/main/useCases/point/joinPoint';
import { servePoint } from '../../src/main/useCases/point/servePoint';
import type { PointService } from '../../src/main/useCases/point/servePoint';
import { closeDeskStores, deskStore } from './deskFixture';
import { tempDir } from './store';

/**
 * A host (the desk fixture's store) and a desk joined to it, both serving on loopback in this
 * process: real sockets, real TLS, real pairing. Call closePointPair() after each test.
 */
const services: PointService[] = [];
const stores: StoreContext[] = [];
export async function closePointPair(): Promise<void> {
  for (const s of services.splice(0)) await s.stop();
  for (const s of stores.splice(0)) if (s.db.open) s.db.close();
  closeDeskStores();
}

/** Waits for a condition by polling, at most `tries` times (no clock involved). */
export async function until(condition: () => boolean, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not met');
}

/** A fresh store joined to a serving host with its pairing code: real pairing, nothing served yet. */
export async function joinedStore(hostService: PointService, clock: StoreContext['clock']) {
  const dir = tempDir();
  const deskPath = path.join(dir, 'desk.sqlite');
  const joined = await joinPoint({
    dbPath: deskPath,
    url: hostService.url,
    code: hostService.code ?? '',
    deskName: 'Groepen',
    clock,
    backupDir: path.join(dir, 'backups'),
  });
  if (!joined.ok) throw new Error(`join refused: ${joined.error}`);
  const opened = openStore(deskPath);
  if (!opened.ok) throw new Error('desk store');
  const desk: StoreContext = { db: opened.value, clock, dbPath: deskPath, backupDir: dir };
  stores.push(desk);
  return { desk, joined: joined.value };
}

export async function hostAndDesk() {
  const host = await deskStore();
  const hostIdentity = await createDeskCertificate('Balie 1', host.clock);
  const hostService = await servePoint(host, {
    identity: hostIdentity,
    listen: { host: '127.0.0.1', port: 0 },
  });
  services.push(hostService);
  const { desk, joined } = await joinedStore(hostService, host.clock);
  // The desk's own certificate, written by the join next to its store.
  const identity = await loadOrCreateDeskCertificate(
    deskCertificateDirFor(desk.dbPath),
    'Groepen',
    host.clock,
  );
  const deskService = await servePoint(desk, { identity, listen: { host: '127.0.0.1', port: 0 } });
  services.push(deskService);
  return { host, hostIdentity, hostService, desk, deskService, joined };
}
