// The real Electron app, launched with Playwright's _electron: the shell's wiring (app:// protocol,
// preload, IPC, sender check, policy, store) end to end. Needs an Electron binary and
// better-sqlite3 built for Electron's ABI, so it runs on a build machine; elsewhere it skips
// with exactly "skipped: Electron binary not available".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { parseCsp } from '../../src/main/platform/security/contentSecurityPolicy';
import { REQUIRED_WEB_PREFERENCES } from '../../src/main/platform/security/windowPolicy';
import { addDays, brusselsDate } from '../../src/shared/time/brussels';
import { makeTestPackage } from '../helpers/packages';
import { SKIP_LINE, electronBinaryPath, packagedAppPath } from '../helpers/electronBinary';

const ROOT = path.resolve(import.meta.dirname, '../..');
// The release workflow points BALIE_ELECTRON_PACKAGED at the unpacked test build; elsewhere the
// dev binary from node_modules/electron runs the bundles in out/.
const PACKAGED = process.env.BALIE_ELECTRON_PACKAGED
  ? packagedAppPath(
      path.resolve(ROOT, process.env.BALIE_ELECTRON_PACKAGED),
      'lerarenkaart-balie',
      'Lerarenkaart Balie',
    )
  : null;
if (process.env.BALIE_ELECTRON_PACKAGED && !PACKAGED)
  throw new Error(`no packaged app in ${process.env.BALIE_ELECTRON_PACKAGED}`);
const binary = PACKAGED ?? electronBinaryPath(ROOT);
if (!binary) console.log(SKIP_LINE);
const SCREENS = process.env.BALIE_SMOKE_SCREENSHOTS ?? path.join(ROOT, 'test-results', 'electron');
const ADMIN_PIN = '739154';
const CARD_BY_IPC = '270000000154';

const invoke = (page: Page, method: string, args: unknown) =>
  page.evaluate(([m, a]) => (window as unknown as { balie: Bridge }).balie.invoke(m as string, a), [
    method,
    args,
  ] as const);

type Bridge = {
  invoke(method: string, args: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }>;
};

test.describe.configure({ mode: 'serial' });

test.describe('Electron shell', () => {
  test.skip(!binary, SKIP_LINE);

  let app: ElectronApplication;
  let dir: string;

  const launch = () =>
    electron.launch({
      executablePath: binary as string,
      args: [
        ...(PACKAGED ? [] : [path.join(ROOT, 'out/main/main.mjs')]),
        ...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
      env: {
        ...process.env,
        BALIE_DB: path.join(dir, 'balie.sqlite'),
        BALIE_POLICY_FILE: path.join(dir, 'policy.json'),
      },
    });

  test.beforeAll(async () => {
    for (const built of ['out/main/main.mjs', 'out/preload/preload.cjs', 'dist/renderer/index.html']) {
      if (!PACKAGED && !fs.existsSync(path.join(ROOT, built)))
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
    app = await launch();
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
      const staff = await balie.invoke('changeSettings', { staff: ['An'], adminPin: '739154' });
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
      return { session, pin, staff, imported, handed, again, invalid, unknown };
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
    expect(results.staff.ok).toBe(true);
    expect(results.imported.ok).toBe(true);
    expect(results.handed).toMatchObject({ ok: true, value: { card: '270000000154' } });
    expect(results.again.ok).toBe(false);
    expect(results.invalid).toMatchObject({ ok: false, error: 'invalid_request' });
    expect(results.unknown).toMatch(/Onbekende API-methode/);
  });

  test('hands out a card with the keyboard: type the number, Enter opens it, a separate key confirms', async () => {
    const page = await app.firstWindow();
    await page.reload();
    await page.getByRole('button', { name: 'An' }).click();
    const search = page.getByRole('combobox', { name: /Zoek of scan/ });
    await search.focus();
    await page.keyboard.type('270000000261', { delay: 40 });
    await page.keyboard.press('Enter');
    const handOut = page.getByRole('button', { name: /Identiteit gecontroleerd/ });
    await expect(handOut).toBeVisible({ timeout: 15_000 });
    const before = await invoke(page, 'checkCard', { card: '270000000261' });
    expect(JSON.stringify(before)).not.toMatch(/"collected"/);
    await handOut.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(/Afgegeven|Meegegeven/).first()).toBeVisible({ timeout: 15_000 });
    fs.mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENS, 'afgegeven.png') });
  });

  test('writes a signed report with the hand-outs and no names', async () => {
    const page = await app.firstWindow();
    const report = (await invoke(page, 'exportReport', { adminPin: ADMIN_PIN })) as {
      ok: boolean;
      value: { contentBase64: string; sequence: number; collected: number; keyId: string };
    };
    expect(report.ok).toBe(true);
    expect(report.value).toMatchObject({ sequence: 1, collected: 2 });
    const envelope = JSON.parse(Buffer.from(report.value.contentBase64, 'base64').toString('utf8')) as {
      payload: string;
      signatures: { keyid: string; sig: string }[];
    };
    expect(envelope.signatures[0]?.keyid).toBe(report.value.keyId);
    const payload = Buffer.from(envelope.payload, 'base64').toString('utf8');
    expect(payload).toContain('"pointId":"BIB-GENT"');
    expect(payload).not.toMatch(/Janssens|Joëlle|30460096730/);
  });

  test('after quit and restart, both hand-outs are still there', async () => {
    await app.close();
    app = await launch();
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    for (const card of [CARD_BY_IPC, '270000000261']) {
      const check = await invoke(page, 'checkCard', { card });
      expect(JSON.stringify(check), card).toMatch(/"collected"/);
    }
    await page.screenshot({ path: path.join(SCREENS, 'na-herstart.png') });
  });
});
