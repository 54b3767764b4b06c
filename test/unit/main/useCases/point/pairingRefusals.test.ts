import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createDeskCertificate,
  deskCertificateDirFor,
  loadOrCreateDeskCertificate,
} from '../../../../../src/main/platform/lan/deskCertificate';
import type { DeskCertificate } from '../../../../../src/main/platform/lan/deskCertificate';
import { openSyncSession } from '../../../../../src/main/platform/lan/syncSession';
import { SYNC_PROTOCOL_VERSION } from '../../../../../src/shared/point/syncMessages';
import {
  availableCards,
  cli,
  eventIds,
  readStore,
  sleep,
  waitFor,
  type DeskProcess,
} from '../../../../helpers/deskProcesses';
import { desksPerTest } from '../../../../helpers/deskClusters';

const desks = desksPerTest();

/** Another code than the host's: the last digit moved on by one. */
function wrongCode(code: string): string {
  return code.slice(0, -1) + String((Number(code.slice(-1)) + 1) % 10);
}

/** What the host answers a hello on the sync endpoint with this certificate; null is a dropped connection. */
async function helloAnswer(desk: DeskProcess, identity: DeskCertificate): Promise<string | null> {
  const opened = await openSyncSession({
    url: desk.url,
    identity,
    pinnedHost: desk.fingerprint,
    timeoutMs: 5000,
  });
  if (!opened.ok) return null;
  try {
    const answer = await opened.value.ask(
      {
        t: 'hello',
        v: SYNC_PROTOCOL_VERSION,
        deskId: 'desk-test',
        name: 'Test',
        url: null,
        nowMs: 0,
        hostEpoch: 0,
      },
      5000,
    );
    return answer === null ? null : answer.t;
  } finally {
    opened.value.close();
  }
}

function filesIn(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).sort() : [];
}

describe('pairing refusals against a real host process', () => {
  it('a wrong code is refused and leaves no file; after five wrong codes the right one is refused too', async () => {
    const cluster = await desks.start(1);
    const host = cluster.host;
    const code = host.code ?? '';
    expect(code).toMatch(/^\d{3}-\d{3}$/);
    const dir = path.join(cluster.root, 'joiner');
    fs.mkdirSync(dir);
    const db = path.join(dir, 'balie.sqlite');
    const wrong = await cli(
      ['--db', db, 'desk', 'join', host.url, '--code', wrongCode(code), '--name', 'Balie 2'],
      {
        spawned: true,
      },
    );
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('Verkeerde koppelcode');
    expect(filesIn(dir)).toEqual([]);
    for (let i = 0; i < 4; i += 1) {
      const again = await cli([
        '--db',
        db,
        'desk',
        'join',
        host.url,
        '--code',
        wrongCode(code),
        '--name',
        'Balie 2',
      ]);
      expect(again.code).toBe(1);
    }
    const right = await cli(['--db', db, 'desk', 'join', host.url, '--code', code, '--name', 'Balie 2']);
    expect(right.code).toBe(1);
    expect(right.err).toMatch(/Te veel verkeerde pogingen|geen geldige koppelcode/);
    expect(filesIn(dir)).toEqual([]);
    // The host pinned nobody.
    expect(readStore(host.db, (s) => s.prepare('SELECT count(*) FROM point_peers').pluck().get())).toBe(0);
  });

  it('desk join on an existing store is refused and changes nothing; the code still works for a fresh one', async () => {
    const cluster = await desks.start(1);
    const host = cluster.host;
    const dir = path.join(cluster.root, 'existing');
    fs.mkdirSync(dir);
    const db = path.join(dir, 'balie.sqlite');
    const init = [
      'init',
      '--point',
      'BIB-GENT',
      '--name',
      'De Krook',
      '--issuer-key',
      path.join(import.meta.dirname, '../../../../fixtures/issuer-test.pub.pem'),
    ];
    expect((await cli(['--db', db, ...init])).code).toBe(0);
    const hash = () =>
      filesIn(dir).map((f) => {
        const file = path.join(dir, f);
        return `${f}:${fs.statSync(file).isFile() ? createHash('sha256').update(fs.readFileSync(file)).digest('hex') : 'dir'}`;
      });
    const before = hash();
    const refused = await cli([
      '--db',
      db,
      'desk',
      'join',
      host.url,
      '--code',
      host.code ?? '',
      '--name',
      'Balie 2',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('bestaat al');
    expect(hash()).toEqual(before);
    // Refused before any network: the code was not spent.
    const fresh = path.join(cluster.root, 'fresh', 'balie.sqlite');
    fs.mkdirSync(path.dirname(fresh));
    const joined = await cli([
      '--db',
      fresh,
      'desk',
      'join',
      host.url,
      '--code',
      host.code ?? '',
      '--name',
      'Balie 2',
      '--json',
    ]);
    expect(joined.code, joined.err).toBe(0);
    expect(JSON.parse(joined.out)).toMatchObject({ pointId: 'BIB-GENT', cards: 60, events: 0 });
  });

  it('refuses an unpinned certificate on the sync endpoint and plain HTTP on the port', async () => {
    const cluster = await desks.start(2);
    const [host, paired] = cluster.desks as [DeskProcess, DeskProcess];
    const stranger = await createDeskCertificate('Vreemde pc');
    expect(await helloAnswer(host, stranger)).toBeNull();
    const own = await loadOrCreateDeskCertificate(deskCertificateDirFor(paired.db), paired.name);
    expect(await helloAnswer(host, own)).toBe('hello');

    const received = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      const socket = net.connect(host.port, '127.0.0.1', () =>
        socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'),
      );
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(Buffer.concat(chunks)));
      socket.setTimeout(10_000, () => socket.destroy());
    });
    expect(received.toString('latin1')).not.toMatch(/HTTP\//);
  });

  it('a revoked desk can no longer sync or claim: its hand-out stays on its own store', async () => {
    const cluster = await desks.start(3);
    const c = cluster;
    const [a, b, d] = c.desks as [DeskProcess, DeskProcess, DeskProcess];
    const notOnHost = await c.run(b, ['desk', 'revoke', 'Balie 3']);
    expect(notOnHost.code).toBe(1);
    expect(notOnHost.err).toContain('hostbalie');
    expect((await c.run(a, ['desk', 'revoke', 'Balie 9'])).code).toBe(1);

    const revoked = await c.run(a, ['desk', 'revoke', 'Balie 2']);
    expect(revoked.code, revoked.err).toBe(0);
    const bIdentity = await loadOrCreateDeskCertificate(deskCertificateDirFor(b.db), b.name);
    expect(await helloAnswer(a, bIdentity)).toBeNull();
    // The third desk learns it from the host's list of desks, and drops B too.
    const bRevokedAtD = () =>
      readStore(d.db, (s) =>
        s.prepare('SELECT revoked_at FROM point_peers WHERE fingerprint = ?').pluck().get(b.fingerprint),
      ) !== null;
    expect(await waitFor(bRevokedAtD)).toBe(true);
    expect(await helloAnswer(d, bIdentity)).toBeNull();

    const card = availableCards(a.db)[0] as string;
    const atB = await c.run(b, ['handout', card, '--staff', 'Bram', '--id-checked', '--json']);
    // The host no longer answers B: B hands out alone, as offline, and the card is not claimed.
    expect(atB.code, atB.err).toBe(0);
    expect(eventIds(b.db)).toHaveLength(1);
    // A hand-out at the host after B's reaches the third desk; B's never does.
    const atA = await c.run(a, [
      'handout',
      availableCards(a.db)[1] as string,
      '--staff',
      'An',
      '--id-checked',
      '--json',
    ]);
    expect(atA.code, atA.err).toBe(0);
    const aEvent = (JSON.parse(atA.out) as { eventId: string }).eventId;
    expect(await waitFor(() => eventIds(d.db).includes(aEvent))).toBe(true);
    await sleep(2000);
    expect(eventIds(a.db)).toEqual([aEvent]);
    expect(eventIds(d.db)).toEqual([aEvent]);
    // The host still hands the card out: B's offline hand-out never claimed it.
    const atHost = await c.run(a, ['handout', card, '--staff', 'An', '--id-checked']);
    expect(atHost.code, atHost.err).toBe(0);
  });
});
