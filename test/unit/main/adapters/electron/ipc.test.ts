import fs from 'node:fs';
import { POSTCODES_FILE } from '../../../../../src/main/platform/paths';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_METHODS, createApiClient } from '../../../../../src/shared/api/contract';
import type { ApiHandlers } from '../../../../../src/shared/api/contract';
import { createApiHandlers } from '../../../../../src/main/adapters/api/handlers';
import { createBalieBridge } from '../../../../../src/main/adapters/electron/bridge';
import { forwardProgressIpc, registerApiIpc, senderOf } from '../../../../../src/main/adapters/electron/ipc';
import type { ProgressTarget } from '../../../../../src/main/adapters/electron/ipc';
import { createProgressHub } from '../../../../../src/main/adapters/worker/progressHub';
import { createFileLogger } from '../../../../../src/main/adapters/electron/log';
import { buildMenuTemplate } from '../../../../../src/main/adapters/electron/menu';
import { fixture, tempDir, testStore } from '../../../../helpers/store';

type Handler = (event: unknown, args: unknown) => Promise<unknown>;

/** ipcMain and a webContents with one main frame and one subframe, as plain objects. */
function fakeElectron(url = 'app://balie/index.html') {
  const handlers = new Map<string, Handler>();
  const mainFrame = { url };
  const subFrame = { url };
  const sender = { mainFrame };
  const ipcMain = {
    handle: (channel: string, fn: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, fn);
    },
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
  const invokeAs = (frame: { url: string } | null) => (channel: string, args: unknown) => {
    const fn = handlers.get(channel);
    if (!fn) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    // Electron structured-clones arguments: functions and class instances do not survive.
    return fn({ senderFrame: frame, sender }, structuredClone(args));
  };
  return {
    ipcMain: ipcMain as unknown as Parameters<typeof registerApiIpc>[0],
    handlers,
    mainFrame,
    subFrame,
    invokeAs,
  };
}

function logger() {
  const lines: string[] = [];
  return {
    lines,
    info: (m: string) => lines.push(`info ${m}`),
    warn: (m: string) => lines.push(`warn ${m}`),
    error: (m: string) => lines.push(`error ${m}`),
  };
}

function apiHandlers() {
  const store = testStore({ at: '2026-12-02T09:30:00Z' });
  const handlers = createApiHandlers(store, {
    postcodesFile: POSTCODES_FILE,
    reportsDir: path.join(store.dir, 'reports'),
    demoMode: false,
    version: '0.1.0-test',
    lockedByPolicy: ['pointId'],
  });
  return { store, handlers };
}

describe('IPC registration and the preload bridge', () => {
  it('registers exactly the contract methods as balie:<method>', () => {
    const fake = fakeElectron();
    const unregister = registerApiIpc(fake.ipcMain, apiHandlers().handlers, logger());
    expect([...fake.handlers.keys()].sort()).toEqual(API_METHODS.map((m) => `balie:${m}`).sort());
    unregister();
    expect(fake.handlers.size).toBe(0);
  });

  it('imports a package and hands out a card through the bridge, validated at the boundary', async () => {
    const fake = fakeElectron();
    const { store, handlers } = apiHandlers();
    registerApiIpc(fake.ipcMain, handlers, logger());
    const bridge = createBalieBridge(API_METHODS, fake.invokeAs(fake.mainFrame));
    const api = createApiClient((method, args) => bridge.invoke(method, args) as Promise<never>);

    const session = await api.session({});
    expect(session.ok && session.value.lockedByPolicy).toEqual(['pointId']);
    expect((await api.setAdminPin({ newPin: '739154', currentPin: null })).ok).toBe(true);
    const contentBase64 = fs.readFileSync(fixture('gent-small.lkb')).toString('base64');
    const imported = await api.importPackage({
      fileName: 'gent-small.lkb',
      contentBase64,
      allowUnsigned: false,
      preview: false,
      adminPin: '739154',
    });
    expect(imported.ok).toBe(true);
    const card = store.db
      .prepare(
        `SELECT card FROM cards WHERE issuer_status = 'beschikbaar' AND replaced_by IS NULL ORDER BY card LIMIT 1`,
      )
      .pluck()
      .get() as string;
    const handed = await api.handOut({ card, staff: 'An', idChecked: true });
    expect(handed).toMatchObject({ ok: true, value: { card, staff: 'An', repeated: false } });
    const twice = await api.handOut({ card, staff: 'Bram', idChecked: true });
    expect(twice).toMatchObject({ ok: false });
    const bad = await api.handOut({ card: 'nope' } as never);
    expect(bad).toMatchObject({ ok: false, error: 'invalid_request' });
  });

  it('refuses calls from a subframe or another page before any handler runs', async () => {
    const fake = fakeElectron();
    let ran = 0;
    const counting = Object.fromEntries(
      API_METHODS.map((m) => [
        m,
        async () => {
          ran += 1;
          return { ok: true, value: null };
        },
      ]),
    ) as unknown as ApiHandlers;
    const log = logger();
    registerApiIpc(fake.ipcMain, counting, log);
    const refused = { ok: false, error: 'unavailable', reason: 'refused' };
    expect(await fake.invokeAs(fake.subFrame)('balie:session', {})).toEqual(refused);
    expect(await fake.invokeAs({ url: 'https://evil.example/' })('balie:session', {})).toEqual(refused);
    expect(await fake.invokeAs(null)('balie:session', {})).toEqual(refused);
    expect(ran).toBe(0);
    expect(log.lines.filter((l) => l.startsWith('warn IPC session refused'))).toHaveLength(3);
    await fake.invokeAs(fake.mainFrame)('balie:session', {});
    expect(ran).toBe(1);
  });

  it('turns a handler crash into the contract failure "internal" and a log line, as HTTP does', async () => {
    const fake = fakeElectron();
    const crashing = Object.fromEntries(
      API_METHODS.map((m) => [
        m,
        async () => {
          throw new Error('kaboom');
        },
      ]),
    ) as unknown as ApiHandlers;
    const log = logger();
    registerApiIpc(fake.ipcMain, crashing, log);
    expect(await fake.invokeAs(fake.mainFrame)('balie:overview', {})).toEqual({
      ok: false,
      error: 'internal',
    });
    expect(log.lines.some((l) => l.startsWith('error API overview failed: Error: kaboom'))).toBe(true);
    // Through the bridge and the client the renderer gets the same value, never a rejection.
    const api = createApiClient(createBalieBridge(API_METHODS, fake.invokeAs(fake.mainFrame)).invoke);
    expect(await api.handOut({ card: '270000000154', staff: 'An', idChecked: true })).toEqual({
      ok: false,
      error: 'internal',
    });
  });

  it('a bridge that rejects (main process gone, unknown channel) gives unavailable, not a rejection', async () => {
    const api = createApiClient(
      createBalieBridge(API_METHODS, () => Promise.reject(new Error('Render frame was disposed'))).invoke,
    );
    expect(await api.session({})).toEqual({ ok: false, error: 'unavailable', reason: 'network' });
    const odd = createApiClient(async () => 'not a result');
    expect(await odd.session({})).toEqual({ ok: false, error: 'unavailable', reason: 'bad_reply' });
  });

  it('the bridge exposes invoke, for contract methods only, and onProgress', async () => {
    const calls: [string, unknown][] = [];
    const bridge = createBalieBridge(API_METHODS, async (channel, args) => {
      calls.push([channel, args]);
      return { ok: true, value: null };
    });
    expect(Object.keys(bridge)).toEqual(['invoke', 'onProgress']);
    expect(Object.isFrozen(bridge)).toBe(true);
    await expect(bridge.invoke('constructor', {})).rejects.toThrow(/Onbekende API-methode/);
    await expect(bridge.invoke('__proto__', {})).rejects.toThrow(/Onbekende API-methode/);
    await expect(bridge.invoke(42 as unknown as string, {})).rejects.toThrow(/Onbekende API-methode/);
    await bridge.invoke('session', undefined);
    expect(calls).toEqual([['balie:session', {}]]);
  });

  it('onProgress hands the listener the progress value only, until it unsubscribes', () => {
    const listeners = new Map<string, Set<(event: unknown, value: unknown) => void>>();
    const events = {
      on: (channel: string, fn: (event: unknown, value: unknown) => void) => {
        listeners.set(channel, (listeners.get(channel) ?? new Set()).add(fn));
      },
      removeListener: (channel: string, fn: (event: unknown, value: unknown) => void) =>
        void listeners.get(channel)?.delete(fn),
    };
    const bridge = createBalieBridge(API_METHODS, () => Promise.resolve(null), events);
    const seen: unknown[] = [];
    const stop = bridge.onProgress((p) => seen.push(p));
    const send = (value: unknown) => {
      for (const fn of listeners.get('balie:progress') ?? []) fn({ sender: 'ipc internals' }, value);
    };
    const progress = { work: 'importPackage', phase: 'parse', done: 1, total: 2 };
    send(progress);
    stop();
    send({ ...progress, done: 2 });
    expect(seen).toEqual([progress]);
    expect(listeners.get('balie:progress')?.size).toBe(0);
  });

  it('progress goes to the main window only while it shows the app', () => {
    const hub = createProgressHub();
    const sent: [string, unknown][] = [];
    let url = 'app://balie/index.html';
    let window: ProgressTarget | null = null;
    const stop = forwardProgressIpc(hub, () => window);
    const progress = { work: 'backupNow', phase: 'copy', done: 3, total: 9 } as const;
    hub.publish(progress);
    window = { isDestroyed: () => false, getURL: () => url, send: (c, v) => void sent.push([c, v]) };
    hub.publish(progress);
    url = 'https://elsewhere.example/';
    hub.publish(progress);
    stop();
    url = 'app://balie/index.html';
    hub.publish(progress);
    expect(sent).toEqual([['balie:progress', progress]]);
  });

  it('reads the sender frame from an invoke event', () => {
    const mainFrame = { url: 'app://balie/index.html' };
    expect(senderOf({ senderFrame: mainFrame, sender: { mainFrame } } as never)).toEqual({
      url: 'app://balie/index.html',
      isMainFrame: true,
    });
    expect(senderOf({ senderFrame: { url: 'app://balie/x' }, sender: { mainFrame } } as never)).toEqual({
      url: 'app://balie/x',
      isMainFrame: false,
    });
    expect(senderOf({ senderFrame: null, sender: { mainFrame } } as never)).toBeNull();
  });
});

describe('the Dutch menu and the log', () => {
  it('has Dutch labels everywhere and developer tools only when asked', () => {
    const actions = {
      about: () => undefined,
      openLogFolder: () => undefined,
      openDataFolder: () => undefined,
    };
    const win = buildMenuTemplate({
      platform: 'win32',
      appName: 'Lerarenkaart Balie',
      devTools: false,
      actions,
    });
    expect(win.map((m) => m.label)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Venster', 'Help']);
    const labels = JSON.stringify(win);
    expect(labels).toContain('Kopiëren');
    expect(labels).not.toContain('toggleDevTools');
    const items = win.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    for (const item of items)
      if (item.type !== 'separator') expect(item.label, JSON.stringify(item)).toBeTruthy();
    const mac = buildMenuTemplate({
      platform: 'darwin',
      appName: 'Lerarenkaart Balie',
      devTools: true,
      actions,
    });
    expect(mac[0]?.label).toBe('Lerarenkaart Balie');
    expect(JSON.stringify(mac)).toContain('toggleDevTools');
  });

  it('appends timestamped lines to logs/main.log', () => {
    const dir = tempDir();
    const log = createFileLogger(path.join(dir, 'logs'), () => new Date('2027-01-05T09:00:00Z'));
    log.warn('eerste\ntweede');
    expect(fs.readFileSync(log.file, 'utf8')).toBe('2027-01-05T09:00:00.000Z warn  eerste\n    tweede\n');
  });
});
