/**
 * Desk UI speed in real Chromium, with the Performance API: keystroke → results painted, and
 * scanner burst (its Enter) → verdict painted, side by side with the raw handler time for the same
 * queries in the same run. Run as part of `npm run bench` (--only ui) or alone:
 * `node --import tsx bench/uiBench.ts [--size 200000]`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { createApiHandlers } from '../src/main/adapters/api/handlers';
import { importBatch } from '../src/main/useCases/import/importBatch';
import { initPoint } from '../src/main/useCases/admin/initPoint';
import { searchCards } from '../src/main/useCases/desk/searchCards';
import { openStore } from '../src/main/store/openStore';
import type { StoreContext } from '../src/main/store/storeContext';
import { startHttpTransport } from '../src/main/adapters/web/httpTransport';
import { POSTCODES_FILE, RENDERER_DIST } from '../src/main/platform/paths';
import { fixedClock } from '../src/shared/time/clock';
import { scanQwerty } from '../test/helpers/scannerKeys';
import { BENCH_POINT, makeDataset, testKeys } from './dataset';
import { summarize } from './stats';
import type { LatencySummary } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--headless',
];

export interface UiBenchResult {
  size: number;
  keystroke: { paint: LatencySummary; handler: LatencySummary; samples: number; missed: number };
  scan: { paint: LatencySummary; handler: LatencySummary; samples: number; missed: number };
  targets: { keystrokeP95Ms: 50; scanP95Ms: 100; keystrokeMet: boolean; scanMet: boolean };
}

/** In the page: time from a keydown (capture phase) to the first paint after the watched DOM changes. */
const INSTRUMENT = `
  window.__bench = { armed: false, t0: 0, waiting: false, result: null, want: null };
  window.addEventListener('keydown', (e) => {
    const b = window.__bench;
    if (!b.armed) return;
    if (b.want === 'enter' && e.key !== 'Enter') return;
    b.armed = false; b.t0 = performance.now(); b.waiting = true;
  }, true);
  new MutationObserver(() => {
    const b = window.__bench;
    if (!b.waiting || !b.done()) return;
    b.waiting = false;
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { b.result = performance.now() - b.t0; };
      ch.port2.postMessage(0);
    });
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
`;

async function armAndWait(
  page: Page,
  act: () => Promise<void>,
  done: string,
  want: 'any' | 'enter',
): Promise<number | null> {
  await page.evaluate(
    ([doneSrc, w]) => {
      const b = (window as unknown as { __bench: Record<string, unknown> }).__bench;
      Object.assign(b, {
        armed: true,
        waiting: false,
        result: null,
        want: w,
        done: new Function(doneSrc as string),
      });
    },
    [done, want] as const,
  );
  await act();
  try {
    const handle = await page.waitForFunction(
      () => (window as unknown as { __bench: { result: number | null } }).__bench.result,
      undefined,
      { timeout: 3000, polling: 20 },
    );
    return (await handle.jsonValue()) as number;
  } catch {
    return null;
  }
}

function timeHandler(run: () => unknown): bigint {
  const start = process.hrtime.bigint();
  run();
  return process.hrtime.bigint() - start;
}

const ms = (values: number[]) => summarize(values.map((v) => BigInt(Math.round(v * 1e6))));

export async function runUiBench(options: {
  size: number;
  seed: number;
  queries: number;
  scans: number;
}): Promise<UiBenchResult> {
  if (!fs.existsSync(path.join(RENDERER_DIST, 'index.html'))) {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'balie-uibench-'));
  const keys = testKeys();
  const data = makeDataset(options.size, options.seed, dir, keys.privateKeyPem);
  const dbPath = path.join(dir, 'ui.sqlite');
  const opened = openStore(dbPath);
  if (!opened.ok) throw new Error(opened.error);
  const ctx: StoreContext = {
    db: opened.value,
    clock: fixedClock('2026-12-02T10:00:00Z'),
    dbPath,
    backupDir: path.join(dir, 'backups'),
  };
  initPoint(ctx, { ...BENCH_POINT, pointName: BENCH_POINT.pointName, issuerPublicKeyPem: keys.publicKeyPem });
  const imported = await importBatch(ctx, fs.readFileSync(data.packagePath));
  if (!imported.ok) throw new Error(`import failed: ${imported.error}`);
  const handlers = createApiHandlers(ctx, {
    postcodesFile: POSTCODES_FILE,
    reportsDir: path.join(dir, 'reports'),
    demoMode: false,
    version: 'bench',
  });
  const transport = await startHttpTransport({ handlers, staticDir: RENDERER_DIST });
  const browser = await chromium.launch({
    executablePath: process.env.BALIE_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(transport.url);
    await page.locator('#shift-name').fill('Bench');
    await page.keyboard.press('Enter');
    const field = page.getByRole('combobox');
    await field.waitFor();
    await page.evaluate(INSTRUMENT);

    // Deterministic name queries drawn from the rows: surnames, prefixes, "first last".
    const records = data.records;
    const queries: string[] = [];
    for (let i = 0; queries.length < options.queries; i += 1) {
      const r = records[(i * 7919) % records.length];
      if (!r) break;
      const surname = r.achternaam.toLowerCase();
      queries.push(
        i % 3 === 0
          ? surname
          : i % 3 === 1
            ? surname.slice(0, Math.max(3, surname.length - 2))
            : `${r.voornaam} ${surname.slice(0, 4)}`.toLowerCase(),
      );
    }
    const keyPaint: number[] = [];
    const keyHandler: bigint[] = [];
    let keyMissed = 0;
    for (const q of queries) {
      await field.fill(q.slice(0, -1));
      await page.waitForTimeout(60);
      const last = q.slice(-1);
      const result = await armAndWait(
        page,
        () => page.keyboard.type(last),
        "return !!document.querySelector('[role=listbox], .search-note')",
        'any',
      );
      if (result === null) keyMissed += 1;
      else keyPaint.push(result);
      keyHandler.push(timeHandler(() => searchCards(ctx.db, q, 50)));
    }

    const scanPaint: number[] = [];
    const scanHandler: bigint[] = [];
    let scanMissed = 0;
    for (let i = 0; i < options.scans; i += 1) {
      const r = records[(i * 104_729) % records.length];
      if (!r) break;
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.waitForTimeout(40);
      const grouped = r.kaartnummer.replace(/(\d{4})(?=\d)/g, '$1 ');
      const result = await armAndWait(
        page,
        () => scanQwerty(page as unknown as Parameters<typeof scanQwerty>[0], r.kaartnummer),
        `const v = document.querySelector('.verdict'); return !!v && document.body.textContent.includes(${JSON.stringify(grouped)});`,
        'enter',
      );
      if (result === null) scanMissed += 1;
      else scanPaint.push(result);
      const start = process.hrtime.bigint();
      await handlers.checkCard({ card: r.kaartnummer });
      scanHandler.push(process.hrtime.bigint() - start);
    }
    const keystroke = {
      paint: ms(keyPaint),
      handler: summarize(keyHandler),
      samples: keyPaint.length,
      missed: keyMissed,
    };
    const scan = {
      paint: ms(scanPaint),
      handler: summarize(scanHandler),
      samples: scanPaint.length,
      missed: scanMissed,
    };
    return {
      size: options.size,
      keystroke,
      scan,
      targets: {
        keystrokeP95Ms: 50,
        scanP95Ms: 100,
        keystrokeMet: keystroke.paint.p95 <= 50,
        scanMet: scan.paint.p95 <= 100,
      },
    };
  } finally {
    await browser.close();
    await transport.close();
    ctx.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const f = (v: number) => (v < 1 ? `${v.toFixed(3)} ms` : `${v.toFixed(1)} ms`);

export function formatUiBench(r: UiBenchResult): string {
  const row = (
    name: string,
    paint: LatencySummary,
    handler: LatencySummary,
    n: number,
    missed: number,
    target: number,
    met: boolean,
  ) =>
    `${name.padEnd(28)} ${f(paint.p50).padStart(9)} ${f(paint.p95).padStart(9)} ${f(paint.p99).padStart(9)}   ${f(handler.p50).padStart(9)} ${f(handler.p95).padStart(9)}   ${(paint.p95 / handler.p95).toFixed(1).padStart(6)}×   ${String(n).padStart(4)}/${missed}   p95 ≤ ${target} ms: ${met ? 'MET' : 'MISSED'}`;
  return [
    `Desk UI in Chromium at ${r.size.toLocaleString('en')} cards (Performance API: keydown → first paint after the DOM shows the answer)`,
    `${'measure'.padEnd(28)} ${'paint p50'.padStart(9)} ${'paint p95'.padStart(9)} ${'paint p99'.padStart(9)}   ${'handler50'.padStart(9)} ${'handler95'.padStart(9)}   ${'ratio'.padStart(7)}   n/missed`,
    row(
      'keystroke → results painted',
      r.keystroke.paint,
      r.keystroke.handler,
      r.keystroke.samples,
      r.keystroke.missed,
      50,
      r.targets.keystrokeMet,
    ),
    row(
      'scan (Enter) → verdict painted',
      r.scan.paint,
      r.scan.handler,
      r.scan.samples,
      r.scan.missed,
      100,
      r.targets.scanMet,
    ),
    'ratio = paint p95 / raw handler p95 (same queries, same run): what the transport, React and the paint add.',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizeArg = process.argv.indexOf('--size');
  const size = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : 200_000;
  const result = await runUiBench({ size, seed: 2027, queries: 300, scans: 150 });
  process.stdout.write(`${formatUiBench(result)}\n`);
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
