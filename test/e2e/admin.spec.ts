import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeTestPackage } from '../helpers/packages';
import { ADMIN_PIN, FIXTURES, openDesk, test, expect } from '../helpers/deskServer';

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Schermen' }).getByRole('button', { name }).click();
}

async function unlockAdmin(page: Page, pin = ADMIN_PIN) {
  await nav(page, 'Beheer');
  await expect(page.getByRole('heading', { name: 'Vergrendeld' })).toBeVisible();
  await page.getByLabel('Beheerderspincode').fill(pin);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
}

async function cardsInOverview(page: Page): Promise<string> {
  await nav(page, 'Overzicht');
  const text = (await page.getByTestId('overview-collected').textContent()) ?? '';
  return /van (\d+) kaarten/.exec(text)?.[1] ?? '?';
}

test('Beheer: a wrong PIN is refused first; a badly signed package is refused and changes nothing', async ({
  page,
  desk,
}) => {
  await openDesk(page, desk);
  expect(await cardsInOverview(page)).toBe('60');

  await unlockAdmin(page, '135792');
  await expect(page.getByRole('alert')).toHaveText(
    /Verkeerde beheerderspincode; er is niets gewijzigd\. Nog 4 pogingen/,
  );
  await page.getByLabel('Beheerderspincode').fill(ADMIN_PIN);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByRole('heading', { name: 'Pakket inlezen' })).toBeVisible();

  await page.getByLabel('Batchpakket (.lkb)').setInputFiles(path.join(FIXTURES, 'gent-bad-signature.lkb'));
  const refused = page.getByTestId('import-refused');
  await expect(refused).toContainText('Het pakket wordt niet ingelezen');
  await expect(refused).toContainText('Er is niets veranderd.');
  await expect(page.getByTestId('import-problems')).toContainText(
    'De handtekening van manifest.json klopt niet met de sleutel van de uitgever',
  );
  await expect(page.getByRole('button', { name: 'Inlezen', exact: true })).toHaveCount(0);

  // Locking forgets the PIN; the count in Overzicht is unchanged.
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await expect(page.getByRole('heading', { name: 'Vergrendeld' })).toBeVisible();
  expect(await cardsInOverview(page)).toBe('60');
});

test('Beheer: a supplementary package is previewed, then read in', async ({ page, desk }) => {
  const file = path.join(desk.dir, 'gent-02.lkb');
  const made = desk.cli(
    'demo-batch',
    '--point',
    'BIB-GENT',
    '--cards',
    '20',
    '--out',
    file,
    '--batch-id',
    '2027-BIB-GENT-02',
    '--first-serial',
    '2700090001',
  );
  expect(made.code, made.err).toBe(0);

  await openDesk(page, desk);
  await unlockAdmin(page);
  await page.getByLabel('Batchpakket (.lkb)').setInputFiles(file);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('Controle in orde: pakket 2027-BIB-GENT-02 voor punt BIB-GENT');
  await expect(preview.getByRole('row', { name: 'Nieuw' })).toContainText('20');
  await expect(preview).toContainText('Handtekening van de uitgever in orde.');
  // Nothing is imported by the preview.
  expect(desk.cli('stats').out).toContain('Kaarten: 60');

  await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
  await expect(page.getByText('Ingelezen: pakket 2027-BIB-GENT-02.')).toBeVisible();
  await expect(page.getByTestId('import-done').getByRole('row', { name: 'Nieuw' })).toContainText('20');
  // The progress bar ends at the cards written, in numbers and in words.
  const bar = page.getByRole('progressbar', { name: 'Voortgang' });
  await expect(bar).toHaveAttribute('aria-valuenow', '20');
  await expect(bar).toHaveAttribute('aria-valuemax', '20');
  await expect(page.getByTestId('work-progress')).toContainText('Kaarten opslaan: 20 van 20 Klaar.');
  expect(desk.cli('stats').out).toContain('Kaarten: 80');
  expect(await cardsInOverview(page)).toBe('80');
});

test('Beheer: a 30,000-card import shows its progress while the desk in another window keeps finding cards', async ({
  page,
  desk,
  context,
}) => {
  const file = path.join(desk.dir, 'gent-03.lkb');
  const made = desk.cli(
    'demo-batch',
    '--point',
    'BIB-GENT',
    '--cards',
    '30000',
    '--out',
    file,
    '--batch-id',
    '2027-BIB-GENT-03',
    '--first-serial',
    '2700100001',
  );
  expect(made.code, made.err).toBe(0);
  await openDesk(page, desk);
  // A second window of the same desk (same session), at the Balie screen.
  const balie = await context.newPage();
  await balie.goto(`${desk.origin}/`);
  await balie.getByRole('button', { name: 'Bram' }).click();
  const search = balie.getByRole('combobox', { name: /Zoek of scan/ });

  await unlockAdmin(page);
  await page.getByLabel('Batchpakket (.lkb)').setInputFiles(file);
  await expect(page.getByTestId('import-preview')).toContainText('Controle in orde: pakket 2027-BIB-GENT-03');
  await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
  const bar = page.getByRole('progressbar', { name: 'Voortgang' });
  await expect(bar).toBeVisible();
  await expect(page.getByTestId('work-progress')).toContainText(/van 30\.000|Kaarten opslaan/);
  // While the package is read in, the other window's search answers.
  await search.fill('joelle');
  await expect(balie.getByRole('listbox', { name: 'Zoekresultaten' }).getByRole('option')).not.toHaveCount(0);

  await expect(page.getByText('Ingelezen: pakket 2027-BIB-GENT-03.')).toBeVisible({ timeout: 120_000 });
  await expect(bar).toHaveAttribute('aria-valuenow', '30000');
  await expect(page.getByTestId('work-progress')).toContainText('Kaarten opslaan: 30.000 van 30.000 Klaar.');
  expect(desk.cli('stats').out).toContain('Kaarten: 30060');
});

test('Beheer: export a signed report that verifies, change the last day, audit chain intact', async ({
  page,
  desk,
}) => {
  await openDesk(page, desk);
  await unlockAdmin(page);

  // Report: downloaded, then verified with the real CLI against this installation's key.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Rapport maken en downloaden' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('BIB-GENT-rapport-0001.lkr.json');
  const reportFile = path.join(desk.dir, 'download', download.suggestedFilename());
  await download.saveAs(reportFile);
  const made = page.getByTestId('report-made');
  await expect(made).toContainText('Rapport nr. 1 gemaakt: 0 van 60 kaarten afgehaald.');
  await expect(made).toContainText(/Sleutel \(keyid\): [0-9a-f]{64}/);
  await expect(made).toContainText('nieuwe sleutel');
  const keysDir = path.join(desk.dir, 'enrolled');
  fs.mkdirSync(keysDir);
  expect(desk.cli('keys', '--export', path.join(keysDir, 'BIB-GENT.pub.pem')).code).toBe(0);
  const verified = desk.cli('verify', reportFile, '--keys', keysDir);
  expect(verified.code, verified.err).toBe(0);
  expect(verified.out).toContain('geldig');

  // Last day: later than the packages is refused with the reason; earlier is saved.
  const lastDay = page.getByLabel('Eigen laatste afhaaldag');
  await lastDay.fill('2027-07-15');
  await page.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'De laatste afhaaldag 15-07-2027 valt na de laatste dag van de pakketten (30-06-2027)',
  );
  await lastDay.fill('2027-05-31');
  await page.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByText('Instellingen bewaard.')).toBeVisible();
  await expect(page.getByText('Nu geldt: 31-05-2027.')).toBeVisible();
  expect(desk.cli('settings').out).toContain('Laatste afhaaldag: 31-05-2027');

  // This desk's name: an empty one is refused in words, a new one is saved and shown in the header.
  const deskName = page.getByLabel('Naam van deze balie');
  await expect(deskName).toHaveValue('Balie 1');
  await deskName.fill('  ');
  await page.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByRole('alert')).toContainText('Geef de balie een naam van 1 tot 40 gewone tekens');
  await deskName.fill('Onthaal');
  await page.getByRole('button', { name: 'Bewaren' }).click();
  await expect(page.getByText('Instellingen bewaard.')).toBeVisible();
  await expect(page.locator('.point-name')).toHaveText(/· Onthaal$/);
  expect(desk.cli('settings').out).toMatch(/balie Onthaal$/m);
  expect(desk.cli('handout', '270000005006', '--staff', 'Sofie', '--id-checked').code).toBe(0);

  // Audit log: the chain verdict in words, the new entries listed.
  const audit = page.getByRole('region', { name: 'Logboek', exact: true });
  await page
    .locator('section', { has: page.getByRole('heading', { name: 'Logboek' }) })
    .getByRole('button', { name: 'Vernieuwen' })
    .click();
  await expect(page.getByTestId('audit-verdict')).toContainText('Keten in orde');
  await expect(
    audit
      .getByRole('row')
      .filter({ hasText: 'Instellingen gewijzigd' })
      .filter({ hasText: 'changed=last_day' }),
  ).toHaveCount(1);
  await expect(audit.getByRole('row').filter({ hasText: 'Rapport gemaakt' })).toHaveCount(1);
  await expect(audit.getByRole('row').filter({ hasText: 'changed=desk_name' })).toHaveCount(1);
  // A desk action names its desk as staff know it, never its technical id.
  const handout = audit.getByRole('row').filter({ hasText: 'Afgifte' });
  await expect(handout).toContainText('Onthaal');
  await expect(handout).not.toContainText('desk-');
});

test('Beheer: backups are listed and one can be made now', async ({ page, desk }) => {
  await openDesk(page, desk);
  await unlockAdmin(page);
  const table = page.getByTestId('backup-table');
  await expect(table.getByRole('row')).not.toHaveCount(0);
  const before = await table.locator('tbody tr').count();
  await page.getByRole('button', { name: 'Nu een back-up maken' }).click();
  await expect(page.getByText(/Back-up gemaakt: /)).toBeVisible();
  await expect(page.getByTestId('work-progress')).toContainText(
    /Back-up maken: [\d.]+ van [\d.]+ blokken Klaar\./,
  );
  await expect(table.locator('tbody tr')).toHaveCount(before + 1);
});

test('Beheer: a package with 120 bad card numbers says 120 problems, lists the first 50 and how many more', async ({
  page,
  desk,
}) => {
  const header = 'kaartnummer;stamboeknummer;voornaam;achternaam;postcode;gemeente;instellingsnummer;status';
  const rows = Array.from(
    { length: 120 },
    (_, i) =>
      `12345${String(i).padStart(4, '0')};${String(30_000_000_000 + i)};An;Peeters;9000;Gent;;beschikbaar`,
  );
  const file = path.join(desk.dir, 'veel-fouten.lkb');
  fs.writeFileSync(
    file,
    makeTestPackage({ cardsCsv: [header, ...rows].join('\r\n') + '\r\n', batchId: '2027-BIB-GENT-09' }),
  );
  await openDesk(page, desk);
  await unlockAdmin(page);
  await page.getByLabel('Batchpakket (.lkb)').setInputFiles(file);
  await expect(page.getByTestId('import-refused')).toContainText(
    'Het pakket wordt niet ingelezen: 120 problemen.',
  );
  const problems = page.getByTestId('import-problems');
  await expect(problems.getByRole('listitem')).toHaveCount(50);
  await expect(page.getByText('en nog 70 problemen')).toBeVisible();
  expect(await cardsInOverview(page)).toBe('60');
});
