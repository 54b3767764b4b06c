import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openDesk, test, expect } from '../helpers/deskServer';
import type { DeskServer } from '../helpers/deskServer';

/** Waiting cards of one postcode in the Gent fixture, found with the real CLI. */
function waitingCards(desk: DeskServer, postcode: string, n: number): string[] {
  const run = desk.cli('search', postcode, '--json', '--limit', '100');
  expect(run.code).toBe(0);
  const rows = JSON.parse(run.out) as { card: string; postcode: string; status: string }[];
  const cards = rows.filter((r) => r.postcode === postcode && r.status === 'waiting').map((r) => r.card);
  expect(cards.length).toBeGreaterThanOrEqual(n);
  return cards.slice(0, n);
}

function handOut(desk: DeskServer, cards: string[]) {
  for (const card of cards) expect(desk.cli('handout', card, '--staff', 'An', '--id-checked').code).toBe(0);
}

/** Today in Brussels as the screen writes it (dd-mm-yyyy), whatever the test machine's zone. */
function brusselsToday(): { iso: string; shown: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const [y, m, d] = parts.split('-');
  return { iso: parts, shown: `${d}-${m}-${y}` };
}

async function openOverview(page: Page, desk: DeskServer) {
  await openDesk(page, desk);
  await page.getByRole('navigation', { name: 'Schermen' }).getByRole('button', { name: 'Overzicht' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht' })).toBeVisible();
}

test('Overzicht: totals, per-day chart, postcode table and map after hand-outs', async ({ page, desk }) => {
  // Gent fixture: 60 cards (9000: 22, 9040: 21, 9050: 17), 7 revoked.
  handOut(desk, [...waitingCards(desk, '9000', 3), ...waitingCards(desk, '9040', 1)]);
  await openOverview(page, desk);

  const collected = page.getByTestId('overview-collected');
  await expect(collected).toContainText('6,7%');
  await expect(collected).toContainText('4 van 60 kaarten afgehaald');
  await expect(page.getByTestId('overview-leftovers')).toContainText('49');
  await expect(page.getByTestId('overview-last-report')).toContainText('nog geen rapport');

  // Per day: one bar today, the chart summarised for screen readers, the data as a table.
  const today = brusselsToday();
  const chart = page.getByRole('img', { name: /Staafdiagram: 4 kaarten afgegeven op 1 dag/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator(`[data-day="${today.iso}"]`)).toHaveAttribute('data-count', '4');
  const dayTable = page.getByTestId('per-day-table');
  await expect(dayTable).toBeHidden();
  await page.getByRole('button', { name: 'Toon de cijfers als tabel' }).click();
  await expect(dayTable.getByRole('row', { name: `${today.shown} 4` })).toBeVisible();

  // Per postcode: the table with counts and %, sortable by clicking a header.
  const table = page.getByTestId('postcode-table');
  await expect(table.locator('tr[data-postcode="9000"]')).toHaveText(/9000\s*Gent\s*22\s*3\s*13,6%/);
  await expect(table.locator('tr[data-postcode="9040"]')).toHaveText(
    /9040\s*Sint-Amandsberg\s*21\s*1\s*4,8%/,
  );
  await expect(table.locator('tr[data-postcode="9050"]')).toHaveText(/9050\s*Gentbrugge\s*17\s*0\s*0,0%/);
  const rateHeader = table.getByRole('columnheader', { name: '% afgehaald' });
  await rateHeader.getByRole('button').click();
  await expect(rateHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.locator('tbody tr').first()).toHaveAttribute('data-postcode', '9050');
  await rateHeader.getByRole('button').click();
  await expect(rateHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(table.locator('tbody tr').first()).toHaveAttribute('data-postcode', '9000');

  // The map: one area per postcode (its cell of Belgium), the rate in words in each area's
  // name and title; the rest of Flanders drawn faint around them; the lowest named.
  const map = page.getByTestId('postcode-map');
  await expect(map).toHaveAttribute('role', 'group');
  await expect(
    page.getByRole('group', { name: /Laagste percentage: 9050 Gentbrugge \(0,0%\)/ }),
  ).toBeVisible();
  await expect(map.locator('.map-area')).toHaveCount(3);
  expect(await map.locator('.map-cell-flanders').count()).toBeGreaterThan(300);
  await expect(map.locator('[data-postcode="9000"] title')).toHaveText(
    '9000 Gent: 3 van 22 afgehaald (13,6%)',
  );
  await expect(
    map.getByRole('img', { name: '9040 Sint-Amandsberg: 1 van 21 afgehaald (4,8%)' }),
  ).toBeVisible();
  await expect(map.locator('[data-postcode="9050"] title')).toHaveText(
    '9050 Gentbrugge: 0 van 17 afgehaald (0,0%)',
  );
  // Zoomed to Gent: the frame is a small part of Belgium's 1000 units.
  const [, , width] = ((await map.getAttribute('viewBox')) ?? '').split(' ').map(Number);
  expect(width).toBeLessThan(300);
  // The lowest rate gets the darkest colour of the scale.
  await expect(map.locator('[data-postcode="9050"]')).toHaveAttribute('fill', '#440154');

  // Hover and keyboard focus show the numbers under the map.
  const info = page.getByTestId('map-info');
  await expect(info).toHaveText(/Wijs een postcode op de kaart aan/);
  await map.locator('[data-postcode="9000"]').hover();
  await expect(info).toHaveText('9000 Gent: 3 van 22 afgehaald (13,6%)');
  // The pointer leaves the map: focusing an area may scroll the page, and an area that then
  // slides under a resting pointer takes the hover, which is not what the keyboard part checks.
  await page.mouse.move(0, 0);
  await expect(info).toHaveText(/Wijs een postcode op de kaart aan/);
  await map.locator('[data-postcode="9050"]').focus();
  await expect(info).toHaveText('9050 Gentbrugge: 0 van 17 afgehaald (0,0%)');
  await page.keyboard.press('Shift+Tab');
  await expect(info).toHaveText(/^90[04]0 .* afgehaald/);
  await expect(map.locator('.map-area-active')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/overzicht-kaart.png', fullPage: true });
  await expect(page.getByText('Kleur: percentage afgehaald')).toBeVisible();
});

test('Overzicht: the last report shows once one is made, and the screen reads in English', async ({
  page,
  desk,
}) => {
  handOut(desk, waitingCards(desk, '9050', 2));
  expect(desk.cli('report', '--out', path.join(desk.dir, 'r1.lkr.json')).code).toBe(0);
  await openOverview(page, desk);
  await expect(page.getByTestId('overview-last-report')).toContainText('Rapport nr. 1');
  await expect(page.getByTestId('overview-last-report')).toContainText('2 van 60 afgehaald');

  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByTestId('overview-collected')).toContainText('3.3%');
  await expect(page.getByTestId('overview-collected')).toContainText('2 of 60 cards collected');
  await expect(page.getByTestId('postcode-map').locator('[data-postcode="9050"] title')).toHaveText(
    '9050 Gentbrugge: 2 of 17 collected (11.8%)',
  );
});

test('Overzicht: export as a one-page PDF with the map, the per-day chart and the totals', async ({
  page,
  desk,
}) => {
  handOut(desk, waitingCards(desk, '9040', 2));
  await openOverview(page, desk);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporteer als PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^overzicht-.+-\d{4}-\d{2}-\d{2}\.pdf$/);
  const kept = path.join(desk.dir, 'reports', file.suggestedFilename());
  await expect(page.getByTestId('overview-pdf-status')).toHaveText(
    `De PDF ${file.suggestedFilename()} is klaar; hij staat ook in ${kept}.`,
  );
  const pdf = fs.readFileSync((await file.path())!);
  // Kept in the reports folder too (the Electron shell refuses downloads): the same bytes.
  expect(fs.readFileSync(kept).equals(pdf)).toBe(true);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // One page: one page object in the file's page tree.
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
  fs.mkdirSync('test-results/screens', { recursive: true });
  fs.writeFileSync('test-results/screens/overzicht.pdf', pdf);
});
