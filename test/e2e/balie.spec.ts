import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { makeCardNumber } from '../../src/shared/domain/cardNumber';
import { belgianDate } from '../../src/shared/i18n/deskText';
import { brusselsDate, brusselsTime } from '../../src/shared/time/brussels';
import { expect, openDesk, test } from '../helpers/deskServer';
import { scanAzerty, scanQwerty } from '../helpers/scannerKeys';
import { countListRemovals } from '../helpers/listRemovals';

const SCREENS = 'test-results/screens';
// From the Gent fixture (test/fixtures/gent-small.lkb).
const JOELLE_JANSSENS = '270000005006';
const PIETER_VAN_DE_VELDE = '270000000154';
const CELINE_VAN_DAMME_REVOKED = '270000004396';
/** A valid card number that is not in this point's batch. */
const CARD_OF_ANOTHER_POINT = makeCardNumber(8_123_456);

const grouped = (card: string) => card.replace(/(\d{4})(?=\d)/g, '$1 ');
const searchField = (page: Page) => page.getByRole('combobox', { name: /Zoek of scan/ });
const verdict = (page: Page) => page.locator('.verdict');

test('finds Joëlle typed without accent, hands out after the ID check, then shows when and by whom, and undoes it', async ({
  page,
  desk,
}) => {
  await openDesk(page, desk, 'Sofie');
  await expect(searchField(page)).toBeFocused();
  await searchField(page).fill('joelle');
  const results = page.getByRole('listbox', { name: 'Zoekresultaten' });
  await expect(results.getByRole('option')).toHaveCount(2);
  await expect(results.getByRole('option', { name: /Joëlle Janssens/ })).toContainText('Wacht op afhaling');
  await expect(results.getByRole('option', { name: /Joëlle Claeys/ })).toContainText('Geen recht meer');
  await page.screenshot({ path: `${SCREENS}/balie-zoekresultaten.png` });

  await searchField(page).fill('joelle jans');
  await expect(results.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');

  await expect(verdict(page)).toContainText('Klaar om af te geven');
  await expect(verdict(page)).toHaveAttribute('data-tone', 'ok');
  await expect(page.getByRole('heading', { name: 'Joëlle Janssens' })).toBeVisible();
  await expect(page.getByTestId('card-number')).toHaveText(grouped(JOELLE_JANSSENS));
  // Only the last four digits of the stamboeknummer (30460096730) are shown.
  await expect(page.getByText('6730')).toBeVisible();
  await expect(page.getByText('30460096730')).toHaveCount(0);
  const handOut = page.getByRole('button', { name: 'Identiteit gecontroleerd — afgeven (Enter)' });
  await expect(handOut).toBeFocused();
  // The desk's own screen; the shell header is checked by its own tests.
  const axe = await new AxeBuilder({ page }).include('#main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  await page.screenshot({ path: `${SCREENS}/balie-klaar.png` });

  await page.keyboard.press('Enter');
  await expect(verdict(page)).toContainText('Afgegeven');
  await expect(page.getByText(/Scan nu de barcode op de kaart/)).toBeVisible();

  // Second try: the next teacher (or the same one again) — the card says when it went.
  await page.keyboard.press('Escape');
  await expect(searchField(page)).toBeFocused();
  await searchField(page).fill(JOELLE_JANSSENS);
  await page.keyboard.press('Enter');
  const title = verdict(page).locator('.verdict-title');
  await expect(title).toHaveText(/^Al afgehaald op \d{2}-\d{2}-\d{4} om \d{2}:\d{2}$/);
  await expect(verdict(page)).toHaveAttribute('data-tone', 'warning');
  // The server dates it in Brussels, whatever the browser's (Anchorage) or the machine's zone.
  const now = new Date();
  const text = (await title.textContent()) ?? '';
  const [, day, time] = /op (\S+) om (\S+)/.exec(text) ?? [];
  expect(day).toBe(belgianDate(brusselsDate(now)));
  const allowed = [-60_000, 0, 60_000].map((ms) => brusselsTime(new Date(now.getTime() + ms)));
  expect(allowed).toContain(time);
  await expect(verdict(page).locator('.verdict-detail')).toContainText('(Balie 1, Sofie, zelf)');
  await page.screenshot({ path: `${SCREENS}/balie-al-afgehaald.png` });

  await page.getByRole('button', { name: /Ongedaan maken/ }).click();
  await expect(verdict(page)).toContainText('Klaar om af te geven');
  await expect(page.getByRole('button', { name: /Ongedaan maken/ })).toHaveCount(0);
});

test('a revoked card says "Geen recht meer" and offers no hand-out', async ({ page, desk }) => {
  await openDesk(page, desk);
  await searchField(page).fill('celine van damme');
  await page.getByRole('option', { name: /Céline Van Damme/ }).click();
  await expect(verdict(page).locator('.verdict-title')).toHaveText('Geen recht meer');
  await expect(verdict(page)).toHaveAttribute('data-tone', 'stop');
  await expect(verdict(page)).toContainText('de uitgever heeft deze kaart ingetrokken');
  await expect(page.getByTestId('card-number')).toHaveText(grouped(CELINE_VAN_DAMME_REVOKED));
  await expect(page.getByRole('button', { name: /afgeven/ })).toHaveCount(0);
});

test('a card of another point: with home postcode 2000 it is most likely at the Letterenhuis', async ({
  page,
  desk,
}) => {
  await openDesk(page, desk);
  await searchField(page).fill(CARD_OF_ANOTHER_POINT);
  await page.keyboard.press('Enter');
  await expect(verdict(page).locator('.verdict-title')).toHaveText('Niet in deze bibliotheek');
  await expect(verdict(page)).toHaveAttribute('data-tone', 'info');
  const postcode = page.getByLabel('Postcode van het woonadres');
  await expect(postcode).toBeFocused();
  await postcode.fill('2000');
  await page.keyboard.press('Enter');
  await expect(verdict(page).locator('.verdict-title')).toHaveText(
    'Niet in deze bibliotheek — waarschijnlijk bij Letterenhuis',
  );
  await expect(verdict(page)).toContainText('Minderbroedersstraat 22, 2000 Antwerpen');
});

test('after a hand-out, scanning a different card gives a loud warning; the right card confirms', async ({
  page,
  desk,
}) => {
  await openDesk(page, desk, 'Bram');
  await searchField(page).fill(JOELLE_JANSSENS);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /Identiteit gecontroleerd/ }).press('Enter');
  await expect(verdict(page)).toContainText('Afgegeven');

  await scanQwerty(page, PIETER_VAN_DE_VELDE);
  const warning = page.getByRole('alert').filter({ hasText: 'Verkeerde kaart!' });
  await expect(warning).toHaveText(
    `Verkeerde kaart! Gescand: ${grouped(PIETER_VAN_DE_VELDE)} — verwacht: ${grouped(JOELLE_JANSSENS)}`,
  );
  await expect(warning).toHaveClass(/tone-stop/);
  await expect(searchField(page)).toHaveValue('');

  await scanQwerty(page, JOELLE_JANSSENS);
  await expect(page.getByRole('status').filter({ hasText: 'Juiste kaart' })).toBeVisible();
  await expect(warning).toHaveCount(0);
});

test('a scanner burst opens the right card and leaves no digits in the search field, on QWERTY and on AZERTY', async ({
  page,
  desk,
}) => {
  await openDesk(page, desk);
  await expect(searchField(page)).toBeFocused();

  await scanQwerty(page, PIETER_VAN_DE_VELDE);
  await expect(page.getByTestId('card-number')).toHaveText(grouped(PIETER_VAN_DE_VELDE));
  await expect(page.getByRole('heading', { name: 'Pieter Van de Velde' })).toBeVisible();
  await expect(searchField(page)).toHaveValue('');

  await page.keyboard.press('Escape');
  await expect(searchField(page)).toBeFocused();
  await scanAzerty(page, JOELLE_JANSSENS);
  await expect(page.getByTestId('card-number')).toHaveText(grouped(JOELLE_JANSSENS));
  await expect(searchField(page)).toHaveValue('');

  // Something that is no card and no stamboeknummer is shown as read.
  await page.keyboard.press('Escape');
  await scanQwerty(page, 'ABC-12345-XYZ');
  await expect(page.getByRole('alert').filter({ hasText: 'Onbekende code:' })).toContainText('ABC-12345-XYZ');
  await expect(searchField(page)).toHaveValue('');
});

test('a teacher whose name is not here is told where the card most likely is, from the home postcode', async ({
  page,
  desk,
}) => {
  await openDesk(page, desk);
  await searchField(page).fill('Vandevoorde Ann');
  const where = page.getByRole('region', { name: /Niet gevonden in deze bibliotheek/ });
  await expect(where).toBeVisible();
  await where.getByLabel('Postcode van het woonadres').fill('2018');
  await where.getByRole('button', { name: 'Zoek afhaalpunt' }).click();
  await expect(where.getByRole('status')).toHaveText(
    /Waarschijnlijk bij Letterenhuis, Minderbroedersstraat 22, 2000 Antwerpen/,
  );
});

test('typing a name letter by letter keeps the results in view: no keystroke empties the list, and the last answer is the one shown', async ({
  page,
  desk,
}) => {
  await openDesk(page, desk, 'Sofie');
  await searchField(page).pressSequentially('ja', { delay: 120 });
  const results = page.getByRole('listbox', { name: 'Zoekresultaten' });
  await expect(results).toHaveAttribute('aria-busy', 'false');
  const listRemovals = await countListRemovals(page);
  await searchField(page).pressSequentially('nssens', { delay: 120 });
  await expect(results).toHaveAttribute('aria-busy', 'false');
  await expect(results.getByRole('option', { name: /Joëlle Janssens/ })).toBeVisible();
  for (const option of await results.getByRole('option').all()) await expect(option).toContainText(/Janssens/);
  expect(await listRemovals()).toBe(0);
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toBeVisible();
});
