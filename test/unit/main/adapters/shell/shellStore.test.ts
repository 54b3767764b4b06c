import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../../../../src/main/adapters/api/handlers';
import { createShellStore } from '../../../../../src/main/adapters/shell/shellStore';
import type { Attached, ShellStorePorts } from '../../../../../src/main/adapters/shell/shellStore';
import { createDeskCertificate } from '../../../../../src/main/platform/lan/deskCertificate';
import { POSTCODES_FILE } from '../../../../../src/main/platform/paths';
import { openStore } from '../../../../../src/main/store/openStore';
import type { StoreContext } from '../../../../../src/main/store/storeContext';
import { setAdminPin } from '../../../../../src/main/useCases/admin/adminPin';
import { joinPoint } from '../../../../../src/main/useCases/point/joinPoint';
import { servePoint } from '../../../../../src/main/useCases/point/servePoint';
import type { PointService } from '../../../../../src/main/useCases/point/servePoint';
import { closeDeskStores, deskStore } from '../../../../helpers/deskFixture';
import { dbChecksum, tempDir, testStore } from '../../../../helpers/store';

const PIN = '582064';
const services: PointService[] = [];
const shells: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of shells.splice(0)) await s.close();
  for (const s of services.splice(0)) await s.stop();
  closeDeskStores();
});

async function hostWithCode() {
  const host = await deskStore();
  // The point's PIN: a joined desk takes it over with the shared settings.
  expect(setAdminPin(host, PIN, null).ok).toBe(true);
  const identity = await createDeskCertificate('Balie 1', host.clock);
  const service = await servePoint(host, { identity, listen: { host: '127.0.0.1', port: 0 } });
  services.push(service);
  return { host, service };
}

/** What the shells attach to a store: the API handlers over it, nothing to stop. */
function attachHandlers(ctx: StoreContext, ports: ShellStorePorts): Promise<Attached> {
  return Promise.resolve({
    handlers: createApiHandlers(ctx, {
      postcodesFile: POSTCODES_FILE,
      reportsDir: `${ctx.dbPath}-reports`,
      demoMode: false,
      version: '0.0.0-test',
      shellStore: ports,
    }),
    stop: () => Promise.resolve(),
  });
}

/** A shell over a fresh, empty store (as start:web and Electron build theirs), counting attaches and stops. */
function shellOverEmptyStore() {
  const store = testStore();
  expect(setAdminPin(store, PIN, null).ok).toBe(true);
  const seen = { attached: 0, stopped: 0, stores: [] as StoreContext[] };
  const shell = createShellStore(store, (ctx, ports): Promise<Attached> => {
    seen.attached += 1;
    seen.stores.push(ctx);
    return attachHandlers(ctx, ports).then((attached) => ({
      ...attached,
      stop: () => {
        seen.stopped += 1;
        return attached.stop();
      },
    }));
  });
  shells.push(shell);
  return { store, shell, seen };
}

describe('a join from Beheer replaces the shell store in place', () => {
  it('joins at the same path and serves the host copy through the same handlers; the empty store is gone', async () => {
    const { service } = await hostWithCode();
    const { store, shell, seen } = shellOverEmptyStore();
    await shell.start();
    const joined = await shell.handlers.joinThisDesk({
      url: service.url,
      code: service.code ?? '',
      deskName: 'Groepen',
      adminPin: PIN,
    });
    expect(joined).toMatchObject({ ok: true, value: { pointId: 'BIB-GENT', events: 0 } });
    if (!joined.ok) return;
    expect(joined.value.cards).toBeGreaterThan(0);
    expect(seen).toMatchObject({ attached: 2, stopped: 1 });
    expect(shell.current()?.dbPath).toBe(store.dbPath);
    // The same handlers the transport holds now answer from the joined store.
    const status = await shell.handlers.pointStatus({});
    expect(status).toMatchObject({ ok: true, value: { role: 'desk', paired: true, canJoin: false } });
    const found = await shell.handlers.search({ query: 'Janssens' });
    expect(found.ok && found.value.length).toBeGreaterThan(0);
    expect(fs.readdirSync(store.dir).filter((f) => f.includes('before-join'))).toEqual([]);
    // A second join is refused: the store holds the point now.
    expect(
      await shell.handlers.joinThisDesk({ url: service.url, code: '000-000', deskName: 'X', adminPin: PIN }),
    ).toMatchObject({ ok: false, error: 'store_not_empty' });
  });

  it('a refusal puts the empty store back as it was and the shell works on it again', async () => {
    const { service } = await hostWithCode();
    const { store, shell, seen } = shellOverEmptyStore();
    await shell.start();
    const before = dbChecksum(store.db);
    const wrong = service.code === '123-456' ? '654-321' : '123-456';
    expect(
      await shell.handlers.joinThisDesk({
        url: service.url,
        code: wrong,
        deskName: 'Groepen',
        adminPin: PIN,
      }),
    ).toMatchObject({ ok: false, error: 'refused', reason: 'wrong_code' });
    expect(
      await shell.handlers.joinThisDesk({
        url: 'https://127.0.0.1:1',
        code: service.code ?? '',
        deskName: 'Groepen',
        adminPin: PIN,
      }),
    ).toMatchObject({ ok: false, error: 'unreachable' });
    expect(seen).toMatchObject({ attached: 3, stopped: 2 });
    const reopened = shell.current();
    expect(reopened?.db.open).toBe(true);
    expect(dbChecksum(reopened?.db ?? store.db)).toBe(before);
    expect(fs.readdirSync(store.dir).filter((f) => f.includes('before-join'))).toEqual([]);
    expect(await shell.handlers.pointStatus({})).toMatchObject({ ok: true, value: { canJoin: true } });
  });

  it('refuses while another connection has the store open, and changes nothing', async () => {
    const { service } = await hostWithCode();
    const { store, shell, seen } = shellOverEmptyStore();
    await shell.start();
    const other = openStore(store.dbPath);
    if (!other.ok) throw new Error('second connection');
    other.value.prepare('SELECT 1').get();
    try {
      expect(
        await shell.handlers.joinThisDesk({
          url: service.url,
          code: service.code ?? '',
          deskName: 'Groepen',
          adminPin: PIN,
        }),
      ).toMatchObject({ ok: false, error: 'in_use' });
      expect(seen.attached).toBe(2);
      expect(shell.current()?.db.open).toBe(true);
      expect(await shell.handlers.pointStatus({})).toMatchObject({ ok: true, value: { canJoin: true } });
    } finally {
      other.value.close();
    }
  });

  it('a store that holds something is never replaced', async () => {
    const { host, service } = await hostWithCode();
    const shell = createShellStore(host, attachHandlers);
    await shell.start();
    const before = dbChecksum(host.db);
    expect(
      await shell.handlers.joinThisDesk({
        url: service.url,
        code: service.code ?? '',
        deskName: 'Groepen',
        adminPin: PIN,
      }),
    ).toMatchObject({ ok: false, error: 'store_not_empty' });
    expect(dbChecksum(host.db)).toBe(before);
  });
});

describe('a join the PC is not set up for', () => {
  it('is undone when the host belongs to another point than the policy names: the empty store comes back, no joined file stays', async () => {
    const { service } = await hostWithCode();
    const store = testStore();
    expect(setAdminPin(store, PIN, null).ok).toBe(true);
    const before = dbChecksum(store.db);
    const shell = createShellStore(store, attachHandlers, 'BIB-BRUGGE');
    shells.push(shell);
    await shell.start();
    const files = fs.readdirSync(store.dir).sort();
    expect(
      await shell.handlers.joinThisDesk({
        url: service.url,
        code: service.code ?? '',
        deskName: 'Groepen',
        adminPin: PIN,
      }),
    ).toMatchObject({ ok: false, error: 'other_point', found: 'BIB-GENT', expected: 'BIB-BRUGGE' });
    expect(fs.readdirSync(store.dir).sort()).toEqual(files);
    expect(dbChecksum(shell.current()?.db ?? store.db)).toBe(before);
  });
});

describe('after an unpair the shell store is done', () => {
  it('stops what runs on the store, reports no store, and lets the app close only then', async () => {
    const { host, service } = await hostWithCode();
    const dir = tempDir();
    const dbPath = path.join(dir, 'balie.sqlite');
    const joined = await joinPoint({
      dbPath,
      url: service.url,
      code: service.code ?? '',
      deskName: 'Groepen',
      clock: host.clock,
      backupDir: path.join(dir, 'backups'),
    });
    expect(joined.ok).toBe(true);
    const opened = openStore(dbPath);
    if (!opened.ok) throw new Error('desk store');
    const desk: StoreContext = {
      db: opened.value,
      clock: host.clock,
      dbPath,
      backupDir: path.join(dir, 'backups'),
    };
    let stops = 0;
    let quits = 0;
    const shell = createShellStore(desk, (ctx, ports) =>
      Promise.resolve({
        handlers: createApiHandlers(ctx, {
          postcodesFile: POSTCODES_FILE,
          reportsDir: path.join(dir, 'reports'),
          demoMode: false,
          version: '0.0.0-test',
          shellStore: ports,
          quit: () => (quits += 1),
        }),
        stop: () => {
          stops += 1;
          return Promise.resolve();
        },
      }),
    );
    shells.push(shell);
    await shell.start();
    expect(await shell.handlers.quitAfterUnpair({})).toMatchObject({ ok: false, error: 'not_unpaired' });

    const done = await shell.handlers.unpairThisDesk({ force: false, adminPin: PIN });
    expect(done).toMatchObject({ ok: true, value: { host: 'told' } });
    expect(stops).toBe(1);
    expect(shell.current()).toBeNull();
    expect(fs.readdirSync(dir)).toEqual([]);

    expect(await shell.handlers.quitAfterUnpair({})).toEqual({ ok: true, value: true });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(quits).toBe(1);
    // Closing the shell afterwards stops nothing twice.
    await shell.close();
    expect(stops).toBe(1);
  });
});
