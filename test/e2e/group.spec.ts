import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openDesk, test } from '../helpers/deskServer';

const SCREENS = 'test-results/screens';
// From the Gent fixture: Nele Baert collects; ten waiting colleagues; one revoked card.
const NELE_BAERT_STAMBOEKNUMMER = '19279218387';
const COLLEAGUES = [
  '270000001770',
  '270000005915',
  '270000003790',
  '270000003588',
  '270000004905',
  '270000002073',
  '270000005006',
  '270000004804',
  '270000001063',
  '270000005208',
];
const REVOKED_JOELLE_CLAEYS = '270000000356';

const grouped = (card: string) => card.replace(/(\d{4})(?=\d)/g, '$1 ');
const addField = (page: Page) => page.getByRole('combobox', { name: /Kaart toevoegen/ });
const confirmButton = (page: Page) => page.getByRole('button', { name: /Bevestig groepsafhaling/ });
const row = (page: Page, card: string) => page.locator(`li.group-card[data-card="${card}"]`);

function hasPdftotext(): boolean {
  try {
    execFileSync('which', ['pdftotext'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('Nele Baert collects ten colleagues’ cards in one confirmation; the receipt prints them all', async ({
  page,
  desk,
  browser,
}, testInfo) => {
  await openDesk(page, desk, 'An');
  await page.getByRole('button', { name: 'Groepsafhaling' }).click();
  const collectorField = page.getByRole('combobox', { name: /Afhaler: scan of typ/ });
  await expect(collectorField).toBeFocused();
  await collectorField.fill(NELE_BAERT_STAMBOEKNUMMER);
  await expect(page.getByRole('option', { name: /Nele Baert/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('collector')).toContainText('Nele Baert');
  await expect(addField(page)).toBeFocused();

  for (const card of COLLEAGUES) await addField(page).fill(card);
  await expect(page.getByTestId('group-count')).toHaveText('10 van max. 50 kaarten');
  for (const card of COLLEAGUES) await expect(row(page, card)).toHaveAttribute('data-tone', 'ok');
  // The same card twice is refused at once.
  await addField(page).fill(COLLEAGUES[0] ?? '');
  await expect(page.getByText('Deze kaart staat al in de lijst.')).toBeVisible();
  await expect(page.getByTestId('group-count')).toHaveText('10 van max. 50 kaarten');

  await expect(confirmButton(page)).toBeDisabled();
  await page.getByLabel('Identiteit van de afhaler gecontroleerd').check();
  await expect(confirmButton(page)).toBeEnabled();
  await page.screenshot({ path: `${SCREENS}/groepsafhaling.png`, fullPage: true });
  await confirmButton(page).click();

  await expect(page.getByText('Groepsafhaling bevestigd: 10 kaarten')).toBeVisible();
  await expect(page.getByText(/^Groepsnummer G1-0001, afgehaald door Nele Baert\./)).toBeVisible();
  const frame = page.getByTestId('receipt-frame');
  await expect(frame).toBeVisible();
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/groepsafhaling-ontvangstbewijs.png` });
  const html = (await frame.getAttribute('srcdoc')) ?? '';

  // Every card is now collected, as a group.
  const check = desk.cli('search', COLLEAGUES[9] ?? '', '--json');
  expect(JSON.parse(check.out)[0].status).toBe('collected');

  // The receipt as it prints: A4 PDF from the same HTML.
  const printPage = await browser.newPage();
  await printPage.setContent(html);
  const receiptText = (await printPage.locator('body').textContent()) ?? '';
  expect(receiptText).toContain('Nele Baert');
  for (const card of COLLEAGUES) expect(receiptText).toContain(grouped(card));
  // The short group number and the desk's name, as staff know them; no UUID, no desk id.
  expect(receiptText).toContain('GroepsnummerG1-0001');
  expect(receiptText).toContain('BalieBalie 1');
  expect(receiptText).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|desk-/);
  const pdf = await printPage.pdf({ format: 'A4', printBackground: false });
  await printPage.close();
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(1);
  const pdfFile = testInfo.outputPath('ontvangstbewijs.pdf');
  fs.writeFileSync(pdfFile, pdf);
  if (hasPdftotext()) {
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('Nele Baert');
    for (const card of COLLEAGUES) expect(text.replace(/\s+/g, '')).toContain(card);
  } else {
    testInfo.annotations.push({
      type: 'pdf',
      description: 'pdftotext not installed: PDF text not read back',
    });
  }
});

test('a refused card shows its reason and blocks the confirmation until it is removed', async ({
  page,
  desk,
}) => {
  await openDesk(page, desk, 'Bram');
  await page.getByRole('button', { name: 'Groepsafhaling' }).click();
  await page.getByRole('button', { name: 'Afhaler heeft hier geen kaart' }).click();
  await page.getByLabel('Naam van de afhaler').fill('Karim Haddad');
  await page.getByLabel('Identiteitsbewijs').fill('rijbewijs nr 123456789');
  await page.getByRole('button', { name: 'Deze afhaler gebruiken' }).click();
  await expect(page.getByTestId('collector')).toContainText('Karim Haddad');

  await addField(page).fill(COLLEAGUES[0] ?? '');
  await addField(page).fill(REVOKED_JOELLE_CLAEYS);
  await addField(page).fill(COLLEAGUES[1] ?? '');
  const revoked = row(page, REVOKED_JOELLE_CLAEYS);
  await expect(revoked).toHaveAttribute('data-tone', 'stop');
  await expect(revoked).toContainText('Geen recht meer');
  await expect(revoked).toContainText('de uitgever heeft deze kaart ingetrokken');
  await page.getByLabel('Identiteit van de afhaler gecontroleerd').check();
  await expect(confirmButton(page)).toBeDisabled();
  await expect(page.getByText('1 kaart geweigerd: verwijder ze uit de groep.')).toBeVisible();

  await page
    .getByRole('button', { name: `Kaart ${grouped(REVOKED_JOELLE_CLAEYS)} uit de groep verwijderen` })
    .click();
  await expect(confirmButton(page)).toBeEnabled();

  // Meanwhile another desk hands one of the cards out: the store refuses the whole group.
  expect(desk.cli('handout', COLLEAGUES[1] ?? '', '--staff', 'An', '--id-checked').code).toBe(0);
  await confirmButton(page).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Niets afgegeven' })).toBeVisible();
  const taken = row(page, COLLEAGUES[1] ?? '');
  await expect(taken).toHaveAttribute('data-tone', 'stop');
  await expect(taken).toContainText(/Al afgehaald op \d{2}-\d{2}-\d{4} om \d{2}:\d{2}/);
  await expect(confirmButton(page)).toBeDisabled();
  expect(JSON.parse(desk.cli('search', COLLEAGUES[0] ?? '', '--json').out)[0].status).toBe('waiting');

  await page
    .getByRole('button', { name: `Kaart ${grouped(COLLEAGUES[1] ?? '')} uit de groep verwijderen` })
    .click();
  await confirmButton(page).click();
  await expect(page.getByText('Groepsafhaling bevestigd: 1 kaart')).toBeVisible();
});
