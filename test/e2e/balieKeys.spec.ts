import type { Page } from '@playwright/test';
import { expect, openDesk, test } from '../helpers/deskServer';
import type { DeskServer } from '../helpers/deskServer';
import {
  expectHandedOutAfter,
  expectOpenNotHandedOut,
  handOutButton,
  searchField,
  waitingCards,
} from '../helpers/deskStore';
import { scanAzerty, scanQwerty } from '../helpers/scannerKeys';

/**
 * One key, one meaning: whatever opens a card (typed number + Enter, ↓ + Enter, a scanner's burst
 * with or without suffix, paused or not) never also confirms the ID check. Real key events in
 * Chromium; the store is read through the real CLI.
 */

const JOELLE_JANSSENS = '270000005006';
// Several cards per test: bounded, generous.
test.setTimeout(150_000);

async function secondEnter(page: Page) {
  await page.keyboard.press('Enter');
}

async function openDeskWithCards(page: Page, desk: DeskServer, n: number) {
  const cards = waitingCards(desk, '9000', n);
  await openDesk(page, desk);
  await expect(searchField(page)).toBeFocused();
  return cards;
}

test('a typed card number + Enter opens the card; a held Enter never hands out; the next Enter does', async ({
  page,
  desk,
}) => {
  const [card = ''] = await openDeskWithCards(page, desk, 1);
  // A person: 80 ms and more between keys (Playwright's own round trips only add to that).
  await page.keyboard.type(card, { delay: 80 });
  // The complete number waits for Enter; it does not open the card under the person's fingers.
  await expect(searchField(page)).toHaveValue(card);
  await expect(page.getByTestId('card-number')).toHaveCount(0);
  // Enter held down: the card opens on its keydown, its auto-repeat reaches the button.
  await page.keyboard.down('Enter');
  await expect(handOutButton(page)).toBeFocused({ timeout: 20_000 });
  await page.keyboard.down('Enter');
  await page.keyboard.down('Enter');
  await page.keyboard.up('Enter');
  await expectOpenNotHandedOut(page, desk, card, 0);
  await expectHandedOutAfter(page, desk, card, 0, () => secondEnter(page));
});

test('↓ + Enter on a suggestion opens the card without handing it out; Space on the button then does', async ({
  page,
  desk,
}) => {
  await openDeskWithCards(page, desk, 0);
  await page.keyboard.type('joelle jans', { delay: 60 });
  const option = page.getByRole('option', { name: /Joëlle Janssens/ });
  await expect(option).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expectOpenNotHandedOut(page, desk, JOELLE_JANSSENS, 0);
  await expectHandedOutAfter(page, desk, JOELLE_JANSSENS, 0, () => page.keyboard.press('Space'));
});

test('a scanner burst with Enter, Tab or no suffix opens the card; a second scan of it is no confirmation', async ({
  page,
  desk,
}) => {
  const cards = await openDeskWithCards(page, desk, 3);
  const suffixes = ['enter', 'tab', 'none'] as const;
  for (const [i, suffix] of suffixes.entries()) {
    const card = cards[i] ?? '';
    await scanQwerty(page, card, { suffix });
    await expectOpenNotHandedOut(page, desk, card, i);
    // Scanners read twice: the same card again while the panel waits only opens it again.
    await scanQwerty(page, card, { suffix });
    await expectOpenNotHandedOut(page, desk, card, i);
    await expectHandedOutAfter(page, desk, card, i, () => secondEnter(page));
    await page.keyboard.press('Escape');
    await expect(searchField(page)).toBeFocused();
  }
});

test('a wireless scanner that pauses 150 ms mid-burst gives the right card on QWERTY and AZERTY, nothing left in the field', async ({
  page,
  desk,
}) => {
  const cards = await openDeskWithCards(page, desk, 4);
  const scans = [
    { scan: scanQwerty, pause: { afterKeys: 5, ms: 150 }, suffix: 'enter' },
    { scan: scanAzerty, pause: { afterKeys: 5, ms: 150 }, suffix: 'enter' },
    // The case that read "Onbekende code: 00500918": 4 keys, the pause, 8 keys.
    { scan: scanAzerty, pause: { afterKeys: 4, ms: 200 }, suffix: 'enter' },
    { scan: scanAzerty, pause: { afterKeys: 9, ms: 120 }, suffix: 'none' },
  ] as const;
  for (const [i, { scan, pause, suffix }] of scans.entries()) {
    const card = cards[i] ?? '';
    await scan(page, card, { pause, suffix });
    await expectOpenNotHandedOut(page, desk, card, i);
    await expect(page.getByText(/Onbekende code/)).toHaveCount(0);
    await expectHandedOutAfter(page, desk, card, i, () => secondEnter(page));
    await page.keyboard.press('Escape');
    await expect(searchField(page)).toBeFocused();
    await expect(searchField(page)).toHaveValue('');
  }
});

test('a number typed on AZERTY without Shift (&é"\'(§è!çà) is read as its digits, never searched as a name', async ({
  page,
  desk,
}) => {
  await openDeskWithCards(page, desk, 0);
  // What Joëlle's card number looks like typed on the digit row without Shift.
  await searchField(page).fill('éèàààààà(àà§');
  await expect(searchField(page)).toHaveValue(JOELLE_JANSSENS);
  await page.keyboard.press('Enter');
  await expectOpenNotHandedOut(page, desk, JOELLE_JANSSENS, 0);
});

test('group screen: AZERTY digit-row text in the collector field and a paused AZERTY scan in the card field give the right cards', async ({
  page,
  desk,
}) => {
  await openDesk(page, desk);
  await page.getByRole('button', { name: 'Groepsafhaling' }).click();
  const collectorField = page.getByRole('combobox', { name: /Afhaler: scan of typ/ });
  await expect(collectorField).toBeFocused();
  // Joëlle Janssens' card number typed on the digit row without Shift.
  await collectorField.fill('éèàààààà(àà§');
  await expect(page.getByTestId('collector')).toContainText('Joëlle Janssens');
  const addField = page.getByRole('combobox', { name: /Kaart toevoegen/ });
  await expect(addField).toBeFocused();
  await scanAzerty(page, '270000001770', { pause: { afterKeys: 5, ms: 150 } });
  await expect(page.locator('li.group-card[data-card="270000001770"]')).toBeVisible();
  await expect(addField).toHaveValue('');
  await expect(page.getByText(/Onbekende code/)).toHaveCount(0);
});
