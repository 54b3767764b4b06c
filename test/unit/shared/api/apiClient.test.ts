import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { API_METHODS, createApiClient } from '../../../../src/shared/api/contract';
import type { ApiClient, ApiHandlers } from '../../../../src/shared/api/contract';
import { httpInvoke } from '../../../../src/renderer/app/httpInvoke';
import { closeAll, serve, signIn } from '../../../helpers/transportServer';

const servers: http.Server[] = [];
afterEach(async () => {
  await closeAll();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

/** The renderer's HTTP client, with the cookie a browser would send by itself. */
function clientFor(origin: string, cookie: string, limitMs = 5_000): ApiClient {
  const withCookie: typeof fetch = (input, init) =>
    fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } });
  return createApiClient(httpInvoke(withCookie, `${origin}/`, () => limitMs));
}

/** A server that answers every request with `reply` (or hangs): what a broken middle looks like. */
async function rawServer(reply: ((res: http.ServerResponse) => void) | 'hang' | 'drop'): Promise<string> {
  const server = http.createServer((req, res) => {
    if (reply === 'hang') return;
    if (reply === 'drop') return req.socket.destroy();
    reply(res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the renderer HTTP client never rejects: every failure is a contract value', () => {
  it('passes the handler result through when all is well', async () => {
    const t = await serve();
    const api = clientFor(t.origin, await signIn(t));
    const found = await api.search({ query: 'velde' });
    expect(found.ok).toBe(true);
  });

  it('a connection dropped before the answer → unavailable/network', async () => {
    const origin = await rawServer('drop');
    const api = clientFor(origin, '');
    expect(await api.handOut({ card: '270000000154', staff: 'An', idChecked: true })).toEqual({
      ok: false,
      error: 'unavailable',
      reason: 'network',
    });
  });

  it('a server that never answers → unavailable/timeout after the time limit', async () => {
    const origin = await rawServer('hang');
    const api = clientFor(origin, '', 300);
    expect(await api.overview({})).toEqual({ ok: false, error: 'unavailable', reason: 'timeout' });
  });

  it('a proxy error page → unavailable, never the HTML', async () => {
    const gateway = await rawServer((res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<h1>Bad Gateway</h1>');
    });
    expect(await clientFor(gateway, '').session({})).toEqual({
      ok: false,
      error: 'unavailable',
      reason: 'network',
    });
    const garbage = await rawServer((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok": tru');
    });
    expect(await clientFor(garbage, '').session({})).toEqual({
      ok: false,
      error: 'unavailable',
      reason: 'bad_reply',
    });
    const wrongShape = await rawServer((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok": false}');
    });
    expect(await clientFor(wrongShape, '').session({})).toMatchObject({ reason: 'bad_reply' });
  });

  it('a handler bug → internal; a server restarted with a new session → unavailable/refused', async () => {
    const crashing = Object.fromEntries(
      API_METHODS.map((m) => [
        m,
        async () => {
          throw new Error('kaboom');
        },
      ]),
    ) as unknown as ApiHandlers;
    const t = await serve({ handlers: crashing });
    const api = clientFor(t.origin, await signIn(t));
    expect(await api.checkCard({ card: '270000000154' })).toEqual({ ok: false, error: 'internal' });
    const stale = clientFor(t.origin, 'balie_session=from-the-previous-run');
    expect(await stale.session({})).toEqual({ ok: false, error: 'unavailable', reason: 'refused' });
  });

  it('the transport refusals come through as the contract values', async () => {
    const t = await serve();
    const api = clientFor(t.origin, await signIn(t));
    const tooDeep = await api.search({ query: [[[[[[[[[['x']]]]]]]]]] as unknown as string });
    expect(tooDeep).toMatchObject({ ok: false, error: 'invalid_request' });
    const tooLarge = await api.search({ query: 'x'.repeat(70_000) });
    expect(tooLarge).toMatchObject({ ok: false, error: 'invalid_request' });
  });
});
