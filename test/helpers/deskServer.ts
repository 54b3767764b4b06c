import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const BALIE = path.join(ROOT, 'bin', 'balie');
export const ADMIN_PIN = '482916';

export interface DeskServer {
  url: string;
  origin: string;
  dir: string;
  dbPath: string;
  /** Runs the real CLI against this test's store. */
  cli(...args: string[]): { code: number; out: string; err: string };
}

/** A fresh store per test, set up like a real point, served by `start:web`'s server. */
export async function startDeskServer(
  options: {
    point?: string;
    importFixture?: string | null;
    webArgs?: string[];
    /** Only `balie init`, as a fresh PC with the policy's point: no admin PIN, no staff list. */
    bare?: boolean;
  } = {},
): Promise<DeskServer & { stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'balie-e2e-'));
  const dbPath = path.join(dir, 'balie.sqlite');
  const cli = (...args: string[]) => {
    const run = spawnSync(BALIE, ['--db', dbPath, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, BALIE_ADMIN_PIN: ADMIN_PIN },
    });
    return { code: run.status ?? -1, out: run.stdout, err: run.stderr };
  };
  const point = options.point ?? 'BIB-GENT';
  const init = cli(
    'init',
    '--point',
    point,
    '--name',
    'Bibliotheek De Krook',
    '--issuer-key',
    path.join(FIXTURES, 'issuer-test.pub.pem'),
  );
  if (init.code !== 0) throw new Error(`init failed: ${init.err}`);
  if (!options.bare) {
    expect(cli('admin-pin', '--new', ADMIN_PIN).code).toBe(0);
    expect(cli('settings', '--staff', 'An,Bram,Sofie', '--admin-pin', ADMIN_PIN).code).toBe(0);
  }
  const fixture = options.importFixture === undefined ? 'gent-small.lkb' : options.importFixture;
  if (fixture) expect(cli('import', path.join(FIXTURES, fixture)).code).toBe(0);

  const web = await startWebOn(dbPath, options.webArgs);
  return { ...web, dir, dbPath, cli };
}

/** `start:web`'s server on an existing store (extra arguments e.g. `--sync-listen off`). */
export async function startWebOn(
  dbPath: string,
  extraArgs: string[] = [],
): Promise<{ url: string; origin: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main/adapters/web/startWeb.ts', '--db', dbPath, ...extraArgs],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`start:web did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Balie: (\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.on('exit', (code) => reject(new Error(`start:web exited with ${code}: ${out}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const hard = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(hard);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** `desk`: a running server with the Gent fixture imported; `page` is not yet opened on it. */
export const test = base.extend<{ desk: DeskServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  desk: async ({}, use) => {
    const server = await startDeskServer();
    await use(server);
    await server.stop();
  },
});

export { expect };

/** Opens the app and starts a shift as the given staff member. */
export async function openDesk(page: Page, desk: DeskServer, staff = 'Sofie') {
  await page.goto(desk.url);
  await page.getByRole('button', { name: staff }).click();
  await expect(page.getByText(`Medewerker: ${staff}`)).toBeVisible();
}
