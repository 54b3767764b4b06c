import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { chromium } from '@playwright/test';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { expect, openDesk, test } from '../helpers/deskServer';
import type { DeskServer } from '../helpers/deskServer';
import { countListRemovals } from '../helpers/listRemovals';
import {
  expectHandedOutAfter,
  expectOpenNotHandedOut,
  handOutButton,
  searchField,
  waitingCards,
} from '../helpers/deskStore';

/**
 * Real X key events on a Belgian keyboard: our own Xvfb with `setxkbmap be`, headed Chromium on it,
 * and xdotool as the hands. A scanner is `xdotool key --delay 8` with raw keycodes (a US-configured
 * scanner presses the US digit row, X keycodes 10–19, which Belgian AZERTY types as &é"'(§è!çà);
 * a person is `xdotool type --delay 120`. Nothing here is simulated by the app's own code.
 */

const TOOLS = ['Xvfb', 'xdotool', 'setxkbmap'];
const RETURN = '36';
const TAB = '23';
const SHIFT_R = '62';
/** The X keycode of a digit on the US digit row: 1 → 10 … 9 → 18, 0 → 19. */
const keycode = (digit: string) => String(digit === '0' ? 19 : 9 + Number(digit));
const keycodes = (digits: string) => Array.from(digits, keycode);

let xvfb: ChildProcess | null = null;
let display = '';
let browser: Browser | null = null;
let context: BrowserContext | null = null;

function run(args: string[]) {
  // Priority over the test machine's load: a scanner's 8 ms gaps must stay scanner-like.
  const done = spawnSync('nice', ['-n', '-10', ...args], {
    env: { ...process.env, DISPLAY: display },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (done.status !== 0) throw new Error(`${args.join(' ')} failed: ${done.stderr || done.error?.message}`);
}

/** A scanner: the keys at 8 ms, one optional wireless pause (its own `key` call after a sleep). */
function scan(digits: string, suffix: 'enter' | 'tab' | 'none', pause?: { afterKeys: number; ms: number }) {
  const keys = keycodes(digits);
  const end = suffix === 'enter' ? [RETURN] : suffix === 'tab' ? [TAB] : [];
  const parts = pause
    ? [
        ['key', '--delay', '8', ...keys.slice(0, pause.afterKeys)],
        ['sleep', String(pause.ms / 1000)],
        ['key', '--delay', '8', ...keys.slice(pause.afterKeys), ...end],
      ]
    : [['key', '--delay', '8', ...keys, ...end]];
  // xdotool's own first keystroke is slow (it loads the keymap: 25–40 ms here), which no scanner
  // does. A lone Shift 300 ms earlier, in the same process, takes that cost; Shift types nothing.
  const warmUp = [
    ['key', SHIFT_R],
    ['sleep', '0.3'],
  ];
  run(['xdotool', ...warmUp.flat(), ...parts.flat()]);
}

/** Keydown times as the page received them (KeyboardEvent.timeStamp), recorded from the first paint. */
const RECORD_KEYS = () => {
  const log: [number, string][] = [];
  (window as unknown as { __keyLog: [number, string][] }).__keyLog = log;
  window.addEventListener('keydown', (e) => log.push([e.timeStamp, e.code]), { capture: true });
};

/**
 * xdotool cannot keep its 8 ms rhythm when the machine is starved (both cores busy): X then
 * stamps the keys later and the page receives gaps no scanner makes. Such a delivery is not the
 * input this test describes, so it is undone (Escape) and sent again, at most 3 times; the
 * assertions are made only on a delivery that matched: every gap under 50 ms but the one pause.
 */
async function scanAsDescribed(
  page: Page,
  digits: string,
  suffix: 'enter' | 'tab' | 'none',
  pause?: { afterKeys: number; ms: number },
) {
  const expected = digits.length + (suffix === 'none' ? 0 : 1);
  const gaps: number[][] = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.evaluate(() => {
      (window as unknown as { __keyLog: unknown[] }).__keyLog.length = 0;
    });
    scan(digits, suffix, pause);
    await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              (window as unknown as { __keyLog: [number, string][] }).__keyLog.filter(
                ([, c]) => c !== 'ShiftRight',
              ).length,
          ),
        { timeout: 20_000 },
      )
      .toBeGreaterThanOrEqual(expected);
    const times = await page.evaluate(() =>
      (window as unknown as { __keyLog: [number, string][] }).__keyLog
        .filter(([, c]) => c !== 'ShiftRight')
        .map(([t]) => t),
    );
    const between = times.slice(1).map((t, i) => t - (times[i] as number));
    gaps.push(between.map(Math.round));
    const pauseAt = pause ? pause.afterKeys - 1 : -1;
    if (between.every((gap, i) => gap < (i === pauseAt ? 250 : 50))) return;
    personPresses('Escape');
    await expect(searchField(page)).toHaveValue('');
  }
  throw new Error(
    `X delivered the scanner's keys with gaps no scanner makes, 3 times: ${JSON.stringify(gaps)}`,
  );
}

/** A person at the desk keyboard. */
const personTypes = (text: string) => run(['xdotool', 'type', '--delay', '120', text]);
const personPresses = (...keys: string[]) => run(['xdotool', 'key', '--delay', '150', ...keys]);

test.describe('a Belgian AZERTY desk under X (Xvfb, setxkbmap be, xdotool)', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });

  test.beforeAll(async () => {
    const missing = TOOLS.filter((t) => spawnSync('which', [t]).status !== 0);
    if (missing.length > 0)
      throw new Error(
        `Real-keyboard tests need ${missing.join(', ')} (Debian: xvfb x11-xkb-utils xdotool). ` +
          'Install them (see .ci/run); these tests never skip.',
      );
    // -displayfd: Xvfb picks a free display and tells us which; -noreset keeps the layout.
    xvfb = spawn(
      'nice',
      ['-n', '-10', 'Xvfb', '-displayfd', '3', '-noreset', '-dumbSched', '-screen', '0', '800x600x24'],
      {
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      },
    );
    display = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Xvfb did not start within 30 s')), 30_000);
      xvfb?.stdio[3]?.on('data', (chunk: Buffer) => {
        clearTimeout(timer);
        resolve(`:${chunk.toString().trim()}`);
      });
      xvfb?.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
    });
    run(['setxkbmap', '-display', display, 'be']);
    const layout = spawnSync('setxkbmap', ['-display', display, '-query'], { encoding: 'utf8' }).stdout;
    expect(layout).toMatch(/layout:\s+be/);
    // Chromium's paint requests must not hold up xdotool's key requests in Xvfb, which stamps a
    // fake key with the time it gets to it: Chromium runs at a lower priority than X and xdotool.
    const niceChromium = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'balie-x-')), 'chromium');
    const chromiumPath = process.env.BALIE_CHROMIUM ?? '/usr/bin/chromium';
    fs.writeFileSync(niceChromium, `#!/bin/sh\nexec nice -n 10 ${chromiumPath} "$@"\n`, { mode: 0o755 });
    browser = await chromium.launch({
      executablePath: niceChromium,
      headless: false,
      args: [...CHROMIUM_ARGS, '--window-position=0,0', '--window-size=800,600'],
      env: { ...process.env, DISPLAY: display },
    });
  });

  // One browser window at a time: X sends the keys to the focused window, never to a stale one.
  test.afterEach(async () => {
    await context?.close();
    context = null;
  });

  test.afterAll(async () => {
    await browser?.close();
    xvfb?.kill('SIGTERM');
  });

  async function openHeaded(desk: DeskServer): Promise<Page> {
    if (!browser) throw new Error('no browser');
    context = await browser.newContext({
      viewport: { width: 780, height: 520 },
      reducedMotion: 'reduce',
      locale: 'nl-BE',
      timezoneId: 'America/Anchorage',
    });
    await context.addInitScript(RECORD_KEYS);
    const page = await context.newPage();
    await openDesk(page, desk);
    await page.bringToFront();
    // X input focus to the browser window (no window manager here), pointer inside it.
    run(['xdotool', 'search', '--sync', '--onlyvisible', '--class', 'chromium', 'windowfocus', '--sync']);
    run(['xdotool', 'mousemove', '400', '300']);
    await searchField(page).focus();
    await expect(searchField(page)).toBeFocused();
    return page;
  }

  test('a US-configured scanner on the Belgian keyboard (Enter, Tab, no suffix) opens the card; only the next Enter hands out', async ({
    desk,
  }) => {
    const cards = waitingCards(desk, '9000', 3);
    const page = await openHeaded(desk);
    for (const [i, suffix] of (['enter', 'tab', 'none'] as const).entries()) {
      const card = cards[i] ?? '';
      await scanAsDescribed(page, card, suffix);
      await expectOpenNotHandedOut(page, desk, card, i);
      // Scanners read twice: the same card again is no confirmation either.
      await scanAsDescribed(page, card, suffix);
      await expectOpenNotHandedOut(page, desk, card, i);
      await expectHandedOutAfter(page, desk, card, i, async () => personPresses('Return'));
      personPresses('Escape');
      await expect(searchField(page)).toBeFocused();
      await expect(searchField(page)).toHaveValue('');
    }
  });

  test('a wireless scanner pausing ~150 ms mid-burst still gives the right card, nothing in the field, no hand-out', async ({
    desk,
  }) => {
    const cards = waitingCards(desk, '9000', 3);
    const page = await openHeaded(desk);
    const pauses = [
      { afterKeys: 5, ms: 150, suffix: 'enter' },
      { afterKeys: 4, ms: 150, suffix: 'enter' },
      { afterKeys: 9, ms: 150, suffix: 'none' },
    ] as const;
    for (const [i, { suffix, ...pause }] of pauses.entries()) {
      const card = cards[i] ?? '';
      await scanAsDescribed(page, card, suffix, pause);
      await expectOpenNotHandedOut(page, desk, card, i);
      await expect(page.getByText(/Onbekende code/)).toHaveCount(0);
      await expectHandedOutAfter(page, desk, card, i, async () => personPresses('Return'));
      personPresses('Escape');
      await expect(searchField(page)).toHaveValue('');
    }
  });

  test('a person typing a card number and Enter opens it; a name with ↓ and Enter too; neither hands out', async ({
    desk,
  }) => {
    const [card = ''] = waitingCards(desk, '9000', 1);
    const page = await openHeaded(desk);
    personTypes(card);
    await expect(searchField(page)).toHaveValue(card);
    personPresses('Return');
    await expectOpenNotHandedOut(page, desk, card, 0);
    await expectHandedOutAfter(page, desk, card, 0, async () => personPresses('Return'));

    personPresses('Escape');
    personTypes('joelle jans');
    await expect(page.getByRole('option', { name: /Joëlle Janssens/ })).toBeVisible();
    personPresses('Down', 'Return');
    await expectOpenNotHandedOut(page, desk, '270000005006', 1);
    await expectHandedOutAfter(page, desk, '270000005006', 1, async () => personPresses('Return'));
  });

  test('a person typing Joëlle with the dead ¨ key, letter by letter: the field and the list say Joëlle, the list never empties', async ({
    desk,
  }) => {
    const page = await openHeaded(desk);
    personTypes('jo');
    const results = page.getByRole('listbox', { name: 'Zoekresultaten' });
    await expect(results).toHaveAttribute('aria-busy', 'false');
    const listRemovals = await countListRemovals(page);
    // Belgian AZERTY: ¨ is Shift on the dead ^ key, then e gives ë (the keydown of a dead key
    // and the one it composes with are not the letter the field ends up with).
    run(['xdotool', 'key', '--delay', '120', 'dead_diaeresis', 'e', 'l', 'l', 'e', 'space', 'j', 'a', 'n', 's']);
    await expect(searchField(page)).toHaveValue('joëlle jans');
    await expect(results).toHaveAttribute('aria-busy', 'false');
    await expect(results.getByRole('option')).toHaveCount(1);
    await expect(results.getByRole('option', { name: /Joëlle Janssens/ })).toBeVisible();
    expect(await listRemovals()).toBe(0);
  });

  test('the digit row typed without Shift (é"(§…) is read as the card number it stands for', async ({
    desk,
  }) => {
    const [card = ''] = waitingCards(desk, '9000', 1);
    const page = await openHeaded(desk);
    // A person (or a slow scanner) pressing the US digit row keys one by one: AZERTY gives é è à …
    run(['xdotool', 'key', '--delay', '120', ...keycodes(card)]);
    await expect(searchField(page)).toHaveValue(card);
    personPresses('Return');
    await expectOpenNotHandedOut(page, desk, card, 0);
    await expect(handOutButton(page)).toBeFocused();
  });
});
