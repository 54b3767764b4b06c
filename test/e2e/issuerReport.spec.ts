import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ISSUER_POINTS, writeIssuerReports } from '../helpers/issuerReports';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCREENS = 'test-results/screens';

/** `balie aggregate … --format html --out FILE` with the real CLI, as the issuer runs it. */
function aggregateHtml(conflict: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'balie-issuer-'));
  const reports = writeIssuerReports(dir, { conflict, now: new Date().toISOString() });
  const out = path.join(dir, 'verslag.html');
  const run = spawnSync(
    path.join(ROOT, 'bin/balie'),
    ['aggregate', '--keys', reports.keysDir, ...reports.files, '--format', 'html', '--out', out],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return { reports, out, code: run.status, err: run.stderr };
}

const nl = (n: number) => new Intl.NumberFormat('nl-BE').format(n);

test('the issuer’s HTML report opens offline: totals match the reports, one area per postcode, axe-clean', async ({
  page,
}) => {
  const { reports, out, code } = aggregateHtml(false);
  expect(code).toBe(0);
  // Offline: any request other than the file itself fails the test.
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url() !== `file://${out}`) requests.push(r.url());
  });
  await page.goto(`file://${out}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Lerarenkaart — afgehaalde kaarten per regio',
  );

  // The totals are the sums over the reports' postcodes.
  await expect(page.getByTestId('total-cards')).toHaveText(nl(reports.cards));
  await expect(page.getByTestId('total-collected')).toHaveText(nl(reports.collected));
  const percent = Math.round((reports.collected / reports.cards) * 1000) / 10;
  await expect(page.getByTestId('total-percent')).toHaveText(`${percent.toFixed(1).replace('.', ',')}%`);

  // One area per postcode in the reports on the map of Belgium, each with its numbers.
  const map = page.getByTestId('postcode-map');
  await expect(map.locator('.be-map-area')).toHaveCount(reports.postcodes.length);
  const drawn = await map
    .locator('.be-map-area')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-postcode')));
  expect(drawn.sort()).toEqual(reports.postcodes);
  await expect(map.locator('[data-postcode="9000"] title')).toHaveText(
    '9000 Gent: 130 van 220 afgehaald (59,1%)',
  );

  // Per province: a bar and an area for each province with reports.
  await expect(page.getByTestId('province-map').locator('.be-map-area')).toHaveCount(6);
  await expect(page.getByRole('row', { name: /Antwerpen 660 313 47,4%/ })).toBeVisible();
  // Per point, the stale one marked.
  for (const point of ISSUER_POINTS)
    await expect(page.getByRole('rowheader', { name: point.pointId })).toBeVisible();
  await expect(page.locator('tr.stale')).toHaveCount(1);
  await expect(page.locator('tr.stale')).toContainText('BIB-NAMEN');
  await expect(page.locator('tr.stale')).toContainText('19 dagen — verouderd');

  expect(requests).toEqual([]);
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.screenshot({ path: `${SCREENS}/uitgever-verslag.png`, fullPage: true });
});

test('with a broken chain the report is still written, the problems on top in red', async ({ page }) => {
  const { out, code, err } = aggregateHtml(true);
  expect(code).toBe(1);
  expect(err).toContain('verschillende rapporten met volgnummer 1');
  await page.goto(`file://${out}`);
  const problems = page.getByRole('region', { name: 'Problemen in de rapporten' });
  await expect(problems).toContainText('BIB-GENT-1-rival.lkr.json');
  await expect(problems).toHaveCSS('color', 'rgb(176, 0, 32)');
  const top = await problems.boundingBox();
  const totals = await page.getByTestId('totals').boundingBox();
  expect(top!.y).toBeLessThan(totals!.y);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await page.screenshot({ path: `${SCREENS}/uitgever-verslag-problemen.png` });
});
