// The real Electron app, launched with Playwright's _electron: the shell's wiring (app:// protocol,
// preload, IPC, sender check, policy, store) end to end. Needs an Electron binary and
// better-sqlite3 built for Electron's ABI, so it runs on a build machine; elsewhere it skips
// with exactly "skipped: Electron binary not available".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';
import { parseCsp } from '../../src/main/security/contentSecurityPolicy';
import { REQUIRED_WEB_PREFERENCES } from '../../src/main/security/windowPolicy';
import { addDays, brusselsDate } from '../../src/shared/time/brussels';
import { makeTestPackage } from '../helpers/packages';
import { SKIP_LINE, electronBinaryPath } from './electronBinary';

const ROOT = path.resolve(import.meta.dirname, '../..');
const binary = electronBinaryPath(ROOT);
if (!binary) console.log(SKIP_LINE);

type Bridge = {
  invoke(method: string, args: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }>;
};

test.describe('Electron shell', () => {
  test.skip(!binary, SKIP_LINE);

  let app: ElectronApplication;
  let dir: string;

  test.beforeAll(async () => {
    for (const built of ['out/main/main.mjs', 'out/preload/preload.cjs', 'dist/renderer/index.html']) {
      if (!fs.existsSync(path.join(ROOT, built)))
        throw new Error(`${built} missing: run node scripts/electron-smoke.mjs (it builds first)`);
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'balie-electron-'));
    fs.writeFileSync(
      path.join(dir, 'policy.json'),
      JSON.stringify({
        pointId: 'BIB-GENT',
        pointName: 'Testbibliotheek (smoke)',
        issuerPublicKey: fs.readFileSync(path.join(ROOT, 'test/fixtures/issuer-test.pub.pem'), 'utf8'),
        autoUpdate: false,
      }),
    );
    app = await electron.launch({
      executablePath: binary as string,
      args: [
        path.join(ROOT, 'out/main/main.mjs'),
        ...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
      env: {
        ...process.env,
        BALIE_DB: path.join(dir, 'balie.sqlite'),
        BALIE_POLICY_FILE: path.join(dir, 'policy.json'),
      },
    });
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('runs sandboxed and isolated, from app://balie with a CSP', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toBe('app://balie/index.html');
    // webContents.getLastWebPreferences() is not in Electron's public types; use it where present.
    const runtime = await app.evaluate(({ BrowserWindow, app: electronApp }) => {
      const win = BrowserWindow.getAllWindows()[0];
      const contents = win?.webContents as unknown as
        { getLastWebPreferences?: () => Record<string, unknown>; getOSProcessId(): number } | undefined;
      const pid = contents?.getOSProcessId();
      const metric = electronApp.getAppMetrics().find((m) => m.pid === pid);
      return { prefs: contents?.getLastWebPreferences?.() ?? null, sandboxed: metric?.sandboxed ?? null };
    });
    if (runtime.prefs) expect(runtime.prefs).toMatchObject(REQUIRED_WEB_PREFERENCES);
    if (runtime.sandboxed !== null) expect(runtime.sandboxed).toBe(true);
    const renderer = await page.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      balieKeys: Object.keys((window as unknown as { balie: object }).balie),
      // contextBridge works only with contextIsolation on; its functions are native proxies.
      bridged: String((window as unknown as { balie: { invoke: () => void } }).balie.invoke).includes(
        '[native code]',
      ),
    }));
    expect(renderer).toEqual({
      require: 'undefined',
      process: 'undefined',
      balieKeys: ['invoke'],
      bridged: true,
    });
    const csp = await page.evaluate(() =>
      fetch('/index.html').then((r) => r.headers.get('content-security-policy')),
    );
    expect(parseCsp(csp ?? '').get('script-src')).toEqual(["'self'"]);
    // Chromium may normalise the dots away before the handler sees them; either way nothing outside the bundle.
    const traversal = await page.evaluate(() => fetch('/%2e%2e/package.json').then((r) => r.status));
    expect(traversal).toBeGreaterThanOrEqual(400);
  });

  test('imports a package and hands out a card through real IPC', async () => {
    const page = await app.firstWindow();
    const today = brusselsDate(new Date());
    const pkg = Buffer.from(
      makeTestPackage({
        availableFrom: addDays(today, -30),
        availableUntil: addDays(today, 30),
        batchId: 'SMOKE-BIB-GENT-01',
      }),
    ).toString('base64');
    const results = await page.evaluate(async (contentBase64) => {
      const balie = (window as unknown as { balie: Bridge }).balie;
      const session = await balie.invoke('session', {});
      const pin = await balie.invoke('setAdminPin', { newPin: '739154', currentPin: null });
      const imported = await balie.invoke('importPackage', {
        fileName: 'smoke.lkb',
        contentBase64,
        allowUnsigned: false,
        preview: false,
        adminPin: '739154',
      });
      const handed = await balie.invoke('handOut', { card: '270000000154', staff: 'An', idChecked: true });
      const again = await balie.invoke('handOut', {
        card: '270000000154',
        staff: 'An',
        idChecked: true,
        requestId: 'smoke-second-1',
      });
      const invalid = await balie.invoke('handOut', { card: 'x' });
      const unknown = await balie.invoke('dropTables', {}).then(
        () => 'resolved',
        (e: Error) => e.message,
      );
      return { session, pin, imported, handed, again, invalid, unknown };
    }, pkg);
    expect(results.session).toMatchObject({
      ok: true,
      value: {
        demoMode: false,
        point: { pointId: 'BIB-GENT' },
        lockedByPolicy: ['pointId', 'pointName', 'issuerPublicKey', 'autoUpdate'],
      },
    });
    expect(results.pin.ok).toBe(true);
    expect(results.imported.ok).toBe(true);
    expect(results.handed).toMatchObject({ ok: true, value: { card: '270000000154' } });
    expect(results.again.ok).toBe(false);
    expect(results.invalid).toMatchObject({ ok: false, error: 'invalid_request' });
    expect(results.unknown).toMatch(/Onbekende API-methode/);
  });
});
