import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../../src/main/api/handlers';
import { POSTCODES_FILE } from '../../../src/main/demo/demoDefaults';
import { importBatch } from '../../../src/main/batch/importBatch';
import { startHttpTransport } from '../../../src/main/web/httpTransport';
import type { RunningTransport } from '../../../src/main/web/httpTransport';
import { resolveStaticPath } from '../../../src/main/web/staticFiles';
import { fixture, tempDir, testStore } from '../../helpers/store';

let running: RunningTransport | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

async function serve() {
  const store = testStore();
  await importBatch(store, fs.readFileSync(fixture('gent-small.lkb')));
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Balie</title>');
  const handlers = createApiHandlers(store, {
    postcodesFile: POSTCODES_FILE,
    reportsDir: path.join(store.dir, 'reports'),
    demoMode: false,
    version: 'test',
  });
  running = await startHttpTransport({ handlers, staticDir, token: 'test-token-0123456789' });
  return running;
}

const call = (t: RunningTransport, method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${t.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-balie-token': t.token, ...headers },
    body: JSON.stringify(body),
  });

describe('the loopback HTTP transport', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', async () => {
    const t = await serve();
    expect(t.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=test-token-0123456789$/);
  });

  it('serves the same handlers: a search returns cards with their status', async () => {
    const t = await serve();
    const response = await call(t, 'search', { query: 'velde' });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { ok: boolean; value: { card: string; status: string }[] };
    expect(result.ok).toBe(true);
    expect(result.value.some((c) => c.card === '270000000154' && c.status === 'waiting')).toBe(true);
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    const t = await serve();
    expect((await call(t, 'search', { query: 'x' }, { 'x-balie-token': '' })).status).toBe(401);
    expect(
      (await call(t, 'search', { query: 'x' }, { 'x-balie-token': 'test-token-0123456780' })).status,
    ).toBe(401);
  });

  it('refuses another Origin (a web page trying to reach the desk)', async () => {
    const t = await serve();
    expect((await call(t, 'search', { query: 'x' }, { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('validates arguments on the handler side, whatever the client sends', async () => {
    const t = await serve();
    const bad = (await (await call(t, 'handOut', { card: '1234', staff: '', idChecked: 'yes' })).json()) as {
      ok: boolean;
      error: string;
      issues: string[];
    };
    expect(bad.ok).toBe(false);
    expect(bad.error).toBe('invalid_request');
    expect(bad.issues.join(' ')).toMatch(/card/);
    const extra = (await (await call(t, 'search', { query: 'x', sql: 'DROP TABLE cards' })).json()) as {
      error: string;
    };
    expect(extra.error).toBe('invalid_request');
    expect((await call(t, 'dropEverything', {})).status).toBe(404);
  });

  it('answers a refused hand-out as a value, not an HTTP error', async () => {
    const t = await serve();
    const first = (await (
      await call(t, 'handOut', { card: '270000000154', staff: 'An', idChecked: true })
    ).json()) as {
      ok: boolean;
    };
    expect(first.ok).toBe(true);
    const second = (await (
      await call(t, 'handOut', { card: '270000000154', staff: 'Bram', idChecked: true })
    ).json()) as { ok: boolean; error: string; staff: string };
    expect(second).toMatchObject({ ok: false, error: 'already_collected', staff: 'An' });
  });

  it('serves the page with the Content Security Policy', async () => {
    const t = await serve();
    const page = await fetch(`${t.origin}/`);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'/);
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
