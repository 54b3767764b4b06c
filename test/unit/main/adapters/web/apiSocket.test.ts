import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { exchange, openApiSocket } from '../../../../helpers/apiSocketClient';
import type { SocketOpening } from '../../../../helpers/apiSocketClient';
import { call, closeAll, serve, signIn } from '../../../../helpers/transportServer';

afterEach(closeAll);

function opened(opening: SocketOpening): WebSocket {
  if (!('open' in opening)) throw new Error(`refused with ${opening.refused}`);
  return opening.open;
}

describe('the API channel (WebSocket at /api/socket)', () => {
  it('answers a call with the status and body POST /api/<method> gives', async () => {
    const t = await serve();
    const cookie = await signIn(t);
    const ws = opened(await openApiSocket(t, cookie));
    const viaSocket = await exchange(
      ws,
      JSON.stringify({ id: 7, method: 'search', args: { query: 'velde' } }),
    );
    const viaHttp = await (await call(t, cookie, 'search', { query: 'velde' })).json();
    expect(viaSocket).toEqual({ reply: { id: 7, status: 200, body: viaHttp } });
    const body = (viaSocket as { reply: { body: { value: { card: string }[] } } }).reply.body;
    expect(body.value.some((c) => c.card === '270000000154')).toBe(true);
  });

  it('opens only with the session cookie, the right Host and the page’s own Origin', async () => {
    const t = await serve();
    const cookie = await signIn(t);
    expect(await openApiSocket(t, '')).toEqual({ refused: 401 });
    expect(await openApiSocket(t, 'balie_session=guessed')).toEqual({ refused: 401 });
    expect(await openApiSocket(t, `balie_session=${t.token}`)).toEqual({ refused: 401 });
    expect(await openApiSocket(t, cookie, { origin: 'https://evil.example' })).toEqual({ refused: 403 });
    // Every browser sends an Origin on a WebSocket: none means no page of ours.
    expect(await openApiSocket(t, cookie, {})).toEqual({ refused: 403 });
    expect(await openApiSocket(t, cookie, { origin: t.origin, host: 'evil.example' })).toEqual({
      refused: 421,
    });
    expect(await openApiSocket(t, cookie, { origin: t.origin }, '/api/other')).toEqual({ refused: 404 });
  });

  it('refuses unknown methods and long work (import, report, backup stay on HTTP), as values', async () => {
    const t = await serve();
    const ws = opened(await openApiSocket(t, await signIn(t)));
    const refused = { ok: false, error: 'unavailable', reason: 'refused' };
    expect(await exchange(ws, JSON.stringify({ id: 1, method: 'dropEverything', args: {} }))).toEqual({
      reply: { id: 1, status: 404, body: refused },
    });
    expect(await exchange(ws, JSON.stringify({ id: 2, method: 'importPackage', args: {} }))).toEqual({
      reply: { id: 2, status: 404, body: refused },
    });
    expect(await exchange(ws, JSON.stringify({ id: 3, method: 'toString', args: {} }))).toEqual({
      reply: { id: 3, status: 404, body: refused },
    });
  });

  it('validates arguments on the handler side, as over HTTP', async () => {
    const t = await serve();
    const ws = opened(await openApiSocket(t, await signIn(t)));
    const bad = await exchange(
      ws,
      JSON.stringify({ id: 4, method: 'search', args: { query: 'x', sql: 'DROP TABLE cards' } }),
    );
    expect(bad).toMatchObject({
      reply: { id: 4, status: 200, body: { ok: false, error: 'invalid_request' } },
    });
  });

  it('closes on a message over 64 KiB, binary, too deeply nested, not JSON or without a call id', async () => {
    const t = await serve();
    const cookie = await signIn(t);
    const cases: [string | Buffer, boolean, number][] = [
      [JSON.stringify({ id: 1, method: 'search', args: { query: 'x'.repeat(70 * 1024) } }), false, 1009],
      [Buffer.from('{"id":1,"method":"session","args":{}}'), true, 1003],
      [`{"id":1,"method":"search","args":${'['.repeat(20)}${']'.repeat(20)}}`, false, 1008],
      ['{"id":1,', false, 1008],
      ['{"method":"session","args":{}}', false, 1008],
      ['{"id":-1,"method":"session","args":{}}', false, 1008],
    ];
    for (const [message, binary, code] of cases) {
      const ws = opened(await openApiSocket(t, cookie));
      expect(await exchange(ws, message, binary)).toEqual({ closed: code });
    }
    // The server is fine afterwards.
    const ws = opened(await openApiSocket(t, cookie));
    expect(await exchange(ws, '{"id":9,"method":"session","args":{}}')).toMatchObject({
      reply: { id: 9, status: 200 },
    });
  });

  it('keeps at most maxApiSockets channels open; a closed one makes room', async () => {
    const t = await serve({ limits: { maxApiSockets: 2 } });
    const cookie = await signIn(t);
    const first = opened(await openApiSocket(t, cookie));
    opened(await openApiSocket(t, cookie));
    expect(await openApiSocket(t, cookie)).toEqual({ refused: 429 });
    await new Promise<void>((resolve) => {
      first.once('close', () => resolve());
      first.close();
    });
    // The server sees the close a moment after the client does.
    let again = await openApiSocket(t, cookie);
    for (let i = 0; i < 20 && !('open' in again); i++) {
      await new Promise((r) => setTimeout(r, 25));
      again = await openApiSocket(t, cookie);
    }
    expect('open' in again).toBe(true);
  });

  it('answers a handler that throws with 500 and "internal", and refuses calls beyond maxCallsInFlight', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const t = await serve({
      limits: { maxCallsInFlight: 1 },
      handlers: new Proxy({} as never, {
        get: (_target, method) => async () => {
          if (method === 'overview') throw new Error('database is locked');
          await held;
          return { ok: true, value: null };
        },
      }),
    });
    const ws = opened(await openApiSocket(t, await signIn(t)));
    ws.send('{"id":1,"method":"session","args":{}}');
    expect(await exchange(ws, '{"id":2,"method":"session","args":{}}')).toEqual({
      reply: { id: 2, status: 429, body: { ok: false, error: 'unavailable', reason: 'refused' } },
    });
    const first = new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    release();
    expect(await first).toEqual({ id: 1, status: 200, body: { ok: true, value: null } });
    expect(await exchange(ws, '{"id":3,"method":"overview","args":{}}')).toEqual({
      reply: { id: 3, status: 500, body: { ok: false, error: 'internal' } },
    });
  });
});
