import { AxeBuilder } from '@axe-core/playwright';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN_PIN, FIXTURES, test, expect } from '../helpers/deskServer';
import type { DeskServer } from '../helpers/deskServer';

const SCREENS = 'test-results/screens';

const TEXT = {
  nl: {
    nav: 'Schermen',
    balie: 'Balie',
    group: 'Groepsafhaling',
    overview: 'Overzicht',
    admin: 'Beheer',
    search: /Zoek of scan/,
    results: 'Zoekresultaten',
    pin: 'Beheerderspincode',
    unlock: 'Ontgrendelen',
    importTitle: 'Pakket inlezen',
    packageLabel: 'Batchpakket (.lkb)',
    showTable: 'Toon de cijfers als tabel',
  },
  en: {
    nav: 'Screens',
    balie: 'Desk',
    group: 'Group collection',
    overview: 'Overview',
    admin: 'Admin',
    search: /Search or scan/,
    results: 'Search results',
    pin: 'Admin PIN',
    unlock: 'Unlock',
    importTitle: 'Import a package',
    packageLabel: 'Batch package (.lkb)',
    showTable: 'Show the numbers as a table',
  },
} as const;
type Lang = keyof typeof TEXT;

/** No serious or critical axe-core violation on the page as it is now (soft: every screen reports). */
async function expectAccessible(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const report: string[] = [];
  for (const v of results.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    for (const node of v.nodes) {
      report.push(`${v.id} (${v.impact}): ${v.help} — ${node.target.join(' ')}`);
    }
  }
  expect.soft(report, `axe-core on ${where}`).toEqual([]);
}

function waitingCards(desk: DeskServer, postcode: string, n: number): string[] {
  const rows = JSON.parse(desk.cli('search', postcode, '--json', '--limit', '100').out) as {
    card: string;
    postcode: string;
    status: string;
  }[];
  return rows
    .filter((r) => r.postcode === postcode && r.status === 'waiting')
    .slice(0, n)
    .map((r) => r.card);
}

async function everyScreen(page: Page, desk: DeskServer, lang: Lang) {
  const x = TEXT[lang];
  const suffix = lang === 'nl' ? '' : '-en';
  for (const card of [...waitingCards(desk, '9000', 3), ...waitingCards(desk, '9040', 2)])
    expect(desk.cli('handout', card, '--staff', 'An', '--id-checked').code).toBe(0);

  await page.goto(desk.url);
  if (lang === 'en') await page.getByRole('button', { name: 'English', exact: true }).click();
  // Shift start.
  await expect(page.getByRole('button', { name: 'Sofie' })).toBeVisible();
  await expectAccessible(page, `shift start (${lang})`);
  await page.getByRole('button', { name: 'Sofie' }).click();
  const nav = page.getByRole('navigation', { name: x.nav });

  // Balie, empty, then with a verdict open (a search result clicked).
  await expect(page.getByRole('combobox', { name: x.search })).toBeVisible();
  await expectAccessible(page, `Balie, empty (${lang})`);
  await page.getByRole('combobox', { name: x.search }).fill('9000');
  await page.getByRole('listbox', { name: x.results }).getByRole('option').first().click();
  await expect(page.locator('.verdict')).toBeVisible();
  await expectAccessible(page, `Balie, verdict open (${lang})`);

  // Groepsafhaling.
  await nav.getByRole('button', { name: x.group }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, `Groepsafhaling (${lang})`);

  // Overzicht, with the per-day table open.
  await nav.getByRole('button', { name: x.overview }).click();
  await expect(page.getByTestId('postcode-map')).toBeVisible();
  await page.getByRole('button', { name: x.showTable }).click();
  await expect(page.getByTestId('per-day-table')).toBeVisible();
  await expectAccessible(page, `Overzicht (${lang})`);
  await page.screenshot({ path: `${SCREENS}/overzicht${suffix}.png`, fullPage: true });

  // Beheer, locked, then unlocked (with a refused package shown), then with a preview.
  await nav.getByRole('button', { name: x.admin }).click();
  await expect(page.getByLabel(x.pin)).toBeVisible();
  await expectAccessible(page, `Beheer, locked (${lang})`);
  await page.screenshot({ path: `${SCREENS}/beheer-vergrendeld${suffix}.png`, fullPage: true });
  await page.getByLabel(x.pin).fill(ADMIN_PIN);
  await page.getByRole('button', { name: x.unlock }).click();
  await expect(page.getByRole('heading', { name: x.importTitle })).toBeVisible();
  await expect(page.getByTestId('audit-verdict')).toBeVisible();
  await expect(page.getByTestId('backup-table')).toBeVisible();
  await page.getByLabel(x.packageLabel).setInputFiles(path.join(FIXTURES, 'gent-bad-signature.lkb'));
  await expect(page.getByTestId('import-problems')).toBeVisible();
  await expectAccessible(page, `Beheer, unlocked, package refused (${lang})`);
  await page.screenshot({ path: `${SCREENS}/beheer${suffix}.png`, fullPage: true });
  await page.getByLabel(x.packageLabel).setInputFiles(path.join(FIXTURES, 'gent-small.lkb'));
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expectAccessible(page, `Beheer, unlocked, preview (${lang})`);
}

// Five CLI hand-outs and axe on seven screens: a bounded, generous budget for a busy machine.
test.describe.configure({ timeout: 150_000 });

test('every screen is free of serious and critical axe-core violations (Dutch)', async ({ page, desk }) => {
  await everyScreen(page, desk, 'nl');
});

test('every screen is free of serious and critical axe-core violations (English)', async ({ page, desk }) => {
  await everyScreen(page, desk, 'en');
});
