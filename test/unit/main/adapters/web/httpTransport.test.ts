import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TRANSPORT_LIMITS } from '../../../../../src/main/adapters/web/httpTransport';
import { resolveStaticPath } from '../../../../../src/main/adapters/web/staticFiles';
import { call, closeAll, serve, signIn } from '../../../../helpers/transportServer';

afterEach(closeAll);

describe('the loopback HTTP transport', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', async () => {
    const t = await serve();
    expect(t.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=test-token-0123456789$/);
  });

  it('serves the same handlers: a search returns cards with their status', async () => {
    const t = await serve();
    const response = await call(t, await signIn(t), 'search', { query: 'velde' });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { ok: boolean; value: { card: string; status: string }[] };
    expect(result.ok).toBe(true);
    expect(result.value.some((c) => c.card === '270000000154' && c.status === 'waiting')).toBe(true);
  });

  it('refuses a call without the session cookie, or with a wrong one, in the contract shape', async () => {
    const t = await serve();
    await signIn(t);
    const none = await call(t, '', 'search', { query: 'x' });
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ ok: false, error: 'unavailable', reason: 'refused' });
    expect((await call(t, 'balie_session=guessed', 'search', { query: 'x' })).status).toBe(401);
    // The start token itself is no credential for the API.
    expect((await call(t, `balie_session=${t.token}`, 'search', { query: 'x' })).status).toBe(401);
  });

  it('refuses another Origin (a web page trying to reach the desk)', async () => {
    const t = await serve();
    const cookie = await signIn(t);
    expect((await call(t, cookie, 'search', { query: 'x' }, { origin: 'https://evil.example' })).status).toBe(
      403,
    );
  });

  it('validates arguments on the handler side, whatever the client sends', async () => {
    const t = await serve();
    const cookie = await signIn(t);
    const bad = (await (
      await call(t, cookie, 'handOut', { card: '1234', staff: '', idChecked: 'yes' })
    ).json()) as {
      ok: boolean;
      error: string;
      issues: string[];
    };
    expect(bad.ok).toBe(false);
    expect(bad.error).toBe('invalid_request');
    expect(bad.issues.join(' ')).toMatch(/card/);
    const extra = (await (
      await call(t, cookie, 'search', { query: 'x', sql: 'DROP TABLE cards' })
    ).json()) as {
      error: string;
    };
    expect(extra.error).toBe('invalid_request');
    expect((await call(t, cookie, 'dropEverything', {})).status).toBe(404);
  });

  it('answers a refused hand-out as a value, not an HTTP error', async () => {
    const t = await serve();
    const cookie = await signIn(t);
    const first = (await (
      await call(t, cookie, 'handOut', { card: '270000000154', staff: 'An', idChecked: true })
    ).json()) as {
      ok: boolean;
    };
    expect(first.ok).toBe(true);
    const second = (await (
      await call(t, cookie, 'handOut', { card: '270000000154', staff: 'Bram', idChecked: true })
    ).json()) as { ok: boolean; error: string; staff: string };
    expect(second).toMatchObject({ ok: false, error: 'already_collected', staff: 'An' });
  });

  it('answers a handler that throws with 500 and the contract failure "internal"', async () => {
    const t = await serve();
    const cookie = await signIn(t);
    // Handlers that throw, as a bug deep in a use case would; the other server keeps working.
    const crashing = await serve({
      handlers: new Proxy({} as never, {
        get: () => async () => {
          throw new Error('database is locked');
        },
      }),
    });
    const crashCookie = await signIn(crashing);
    const response = await call(crashing, crashCookie, 'overview', {});
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ ok: false, error: 'internal' });
    expect((await call(t, cookie, 'overview', {})).status).toBe(200);
  });

  it('serves the page with the Content Security Policy', async () => {
    const t = await serve();
    const page = await fetch(`${t.origin}/`);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'/);
  });
});

describe('the start URL token', () => {
  it('is exchanged once for an HttpOnly SameSite=Strict cookie and a redirect without the token', async () => {
    const t = await serve();
    const first = await fetch(t.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/^balie_session=[\w-]{40,}; HttpOnly; SameSite=Strict; Path=\/$/);
    expect(cookie).not.toContain(t.token);
  });

  it('is refused the second time (from history, another browser, another user)', async () => {
    const t = await serve();
    const cookie = await signIn(t);
    const again = await fetch(t.url, { redirect: 'manual' });
    expect(again.status).toBe(403);
    expect(again.headers.getSetCookie()).toEqual([]);
    expect(await again.text()).toMatch(/al gebruikt/);
    // The browser that has the cookie just gets the token dropped from its address bar.
    const sameBrowser = await fetch(t.url, { redirect: 'manual', headers: { cookie } });
    expect(sameBrowser.status).toBe(303);
    expect(sameBrowser.headers.getSetCookie()).toEqual([]);
  });

  it('cannot be guessed: a wrong token sets no cookie and does not spend the right one', async () => {
    const t = await serve();
    const wrong = await fetch(`${t.origin}/?token=test-token-0123456780`, { redirect: 'manual' });
    expect(wrong.status).toBe(403);
    expect(wrong.headers.getSetCookie()).toEqual([]);
    expect(await signIn(t)).toMatch(/^balie_session=/);
  });
});

describe('transport limits (defaults)', () => {
  it('are the documented numbers', () => {
    expect(DEFAULT_TRANSPORT_LIMITS).toEqual({
      smallBodyBytes: 64 * 1024,
      importBodyBytes: 300 * 1024 * 1024 + 64 * 1024,
      maxJsonDepth: 8,
      headersTimeoutMs: 10_000,
      smallBodyTimeoutMs: 10_000,
      requestTimeoutMs: 120_000,
      maxConnections: 32,
      maxProgressStreams: 4,
      progressHeartbeatMs: 15_000,
      maxApiSockets: 4,
      maxCallsInFlight: 32,
    });
  });
});

describe('static file paths', () => {
  const root = '/srv/app';
  it.each([
    '/../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/a/../../etc/passwd',
    '/..%2f..%2fetc',
    '/x%00.html',
    '/a\\..\\b',
  ])('refuses %s', (p) => {
    expect(resolveStaticPath(root, p)).toBeNull();
  });
  it('maps / to index.html and keeps files inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe('/srv/app/index.html');
    expect(resolveStaticPath(root, '/assets/index.js?v=1')).toBe('/srv/app/assets/index.js');
  });
});
