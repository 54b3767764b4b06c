import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deskCopyPaths } from '../../../../../src/main/platform/deskCopyFiles';
import { loadOrCreateDeskCertificate } from '../../../../../src/main/platform/lan/deskCertificate';
import { openSyncSession } from '../../../../../src/main/platform/lan/syncSession';
import { archiveDirFor } from '../../../../../src/main/useCases/year/newYear';
import { systemClock } from '../../../../../src/shared/time/clock';
import { SYNC_PROTOCOL_VERSION } from '../../../../../src/shared/point/syncMessages';
import { desksPerTest } from '../../../../helpers/deskClusters';
import { availableCards, readStore } from '../../../../helpers/deskProcesses';
import type { DeskProcess } from '../../../../helpers/deskProcesses';

// Real `desk serve` processes; the unpair runs as the CLI on the leaving desk's store.
const desks = desksPerTest();

const peerRow = (hostDb: string, fingerprint: string) =>
  readStore(
    hostDb,
    (s) =>
      s.prepare('SELECT revoked_at, unpaired_at FROM point_peers WHERE fingerprint = ?').get(fingerprint) as {
        revoked_at: string | null;
        unpaired_at: string | null;
      },
  );

/** What is left of the desk's copy in its folder (the test's own keys copy aside). */
const leftInFolder = (desk: DeskProcess) =>
  fs
    .readdirSync(desk.dir)
    .filter((f) => f !== 'kept-keys')
    .sort();

describe('balie desk unpair', () => {
  it('tells the host, which lists the desk as unpaired and refuses it; then the copy is gone, backups and keys included', async () => {
    const cluster = await desks.start(2, { names: ['Balie 1', 'Groepen'] });
    const [host, desk] = cluster.desks as [DeskProcess, DeskProcess];
    const card = availableCards(desk.db)[0] as string;
    expect((await cluster.run(desk, ['handout', card, '--staff', 'Sofie', '--id-checked'])).code).toBe(0);
    expect((await cluster.run(desk, ['backup'])).code).toBe(0);
    expect(fs.readdirSync(path.join(desk.dir, 'backups')).length).toBeGreaterThan(0);
    // A copy of its certificate, as a thief's copy of the disk would have it.
    fs.cpSync(path.join(desk.dir, 'keys'), path.join(desk.dir, 'kept-keys'), { recursive: true });

    // Its own sync still runs on the store: refused, nothing changes.
    const busy = await cluster.run(desk, ['desk', 'unpair']);
    expect(busy.code).not.toBe(0);
    expect(busy.err).toContain('nog open in een ander programma');
    expect(fs.existsSync(desk.db)).toBe(true);
    expect(peerRow(host.db, desk.fingerprint)).toEqual({ revoked_at: null, unpaired_at: null });

    // On the host: refused, hand over first.
    const onHost = await cluster.run(host, ['desk', 'unpair']);
    expect(onHost.code).not.toBe(0);
    expect(onHost.err).toContain('Draag eerst de hostrol over');

    await cluster.stopServe(desk);
    const done = await cluster.run(desk, ['desk', 'unpair', '--json']);
    expect(done.code, done.err).toBe(0);
    const result = JSON.parse(done.out) as { unpaired: boolean; host: string; removed: string[] };
    expect(result).toMatchObject({ unpaired: true, host: 'told' });
    expect(result.removed).toEqual(
      expect.arrayContaining([
        path.resolve(desk.db),
        path.join(desk.dir, 'backups'),
        path.join(desk.dir, 'keys'),
      ]),
    );
    expect(leftInFolder(desk)).toEqual([]);

    // The host keeps everything, the hand-out included, and lists the desk as unpaired (audited).
    const row = peerRow(host.db, desk.fingerprint);
    expect(row.revoked_at).not.toBeNull();
    expect(row.unpaired_at).not.toBeNull();
    expect(
      readStore(host.db, (s) => ({
        audited: s.prepare(`SELECT count(*) FROM audit_log WHERE action = 'desk_unpaired'`).pluck().get(),
        events: s.prepare('SELECT count(*) FROM desk_events').pluck().get(),
      })),
    ).toEqual({ audited: 1, events: 1 });
    const status = JSON.parse((await cluster.run(host, ['desk', 'status', '--json'])).out) as {
      peers: unknown[];
    };
    expect(status.peers).toEqual([]);

    // A copy of the old certificate gets nothing from the host: TLS closes, or the hello is refused.
    const kept = await loadOrCreateDeskCertificate(path.join(desk.dir, 'kept-keys'), 'Groepen', systemClock);
    expect(kept.fingerprint).toBe(desk.fingerprint);
    const opened = await openSyncSession({
      url: host.url,
      identity: kept,
      pinnedHost: host.fingerprint,
      timeoutMs: 10_000,
    });
    let answer: string = 'closed';
    if (opened.ok) {
      const hello = await opened.value.ask(
        {
          t: 'hello',
          v: SYNC_PROTOCOL_VERSION,
          deskId: 'desk-gone',
          name: 'Groepen',
          url: null,
          nowMs: Date.now(),
          hostEpoch: 0,
        },
        10_000,
      );
      opened.value.close();
      answer = hello?.t ?? 'closed';
    }
    expect(['closed', 'refused']).toContain(answer);
  });

  it('refuses while the host does not answer, and --force wipes the copy and says to revoke it on the host', async () => {
    const cluster = await desks.start(2, { names: ['Balie 1', 'Groepen'] });
    const [host, desk] = cluster.desks as [DeskProcess, DeskProcess];
    await cluster.stopServe(desk);
    await cluster.stopServe(host);
    const cards = readStore(desk.db, (s) => s.prepare('SELECT count(*) FROM cards').pluck().get());

    const refused = await cluster.run(desk, ['desk', 'unpair']);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('De hostbalie (Balie 1) antwoordt niet');
    expect(readStore(desk.db, (s) => s.prepare('SELECT count(*) FROM cards').pluck().get())).toBe(cards);

    const forced = await cluster.run(desk, ['desk', 'unpair', '--force']);
    expect(forced.code, forced.err).toBe(0);
    expect(forced.out).toContain('trek deze balie in op de host');
    expect(leftInFolder(desk)).toEqual([]);
    // The host never heard of it: the admin revokes it there.
    expect(peerRow(host.db, desk.fingerprint)).toEqual({ revoked_at: null, unpaired_at: null });
  });

  it('lists every folder of the copy next to the store, the year archive where the year rollover puts it', () => {
    const db = path.join('/tmp', 'punt', 'balie.sqlite');
    expect(deskCopyPaths(db)).toContain(archiveDirFor(db));
  });
});
