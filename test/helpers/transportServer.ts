import fs from 'node:fs';
import { POSTCODES_FILE } from '../../src/main/platform/paths';
import path from 'node:path';
import type { ApiHandlers } from '../../src/shared/api/contract';
import { createApiHandlers } from '../../src/main/adapters/api/handlers';
import { importBatch } from '../../src/main/useCases/import/importBatch';
import { SESSION_COOKIE, startHttpTransport } from '../../src/main/adapters/web/httpTransport';
import type { RunningTransport, TransportLimits } from '../../src/main/adapters/web/httpTransport';
import { fixture, tempDir, testStore } from './store';
import type { ProgressHub } from '../../src/main/adapters/worker/progressHub';

const running: RunningTransport[] = [];

export async function closeAll(): Promise<void> {
  await Promise.all(running.splice(0).map((t) => t.close()));
}

/** A real transport over a real store with the Gent fixture (or the given handlers). */
export async function serve(
  options: { limits?: Partial<TransportLimits>; handlers?: ApiHandlers; progress?: ProgressHub } = {},
): Promise<RunningTransport> {
  let handlers = options.handlers;
  if (!handlers) {
    const store = testStore();
    await importBatch(store, fs.readFileSync(fixture('gent-small.lkb')));
    handlers = createApiHandlers(store, {
      postcodesFile: POSTCODES_FILE,
      reportsDir: path.join(store.dir, 'reports'),
      demoMode: false,
      version: 'test',
    });
  }
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Balie</title>');
  const t = await startHttpTransport({
    handlers,
    staticDir,
    token: 'test-token-0123456789',
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
  });
  running.push(t);
  return t;
}

/** Opens the start URL once, as the browser does, and returns the session cookie it set. */
export async function signIn(t: RunningTransport): Promise<string> {
  const response = await fetch(t.url, { redirect: 'manual' });
  if (response.status !== 303) throw new Error(`token exchange answered ${response.status}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0] ?? '';
}

export function call(
  t: RunningTransport,
  cookie: string,
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${t.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body: JSON.stringify(body),
  });
}
