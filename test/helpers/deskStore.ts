import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect } from './deskServer';
import type { DeskServer } from './deskServer';

/** Cards of the fixture with this home postcode that are still waiting, read through the real CLI. */
export function waitingCards(desk: DeskServer, postcode: string, n: number): string[] {
  const rows = JSON.parse(desk.cli('search', postcode, '--json', '--limit', '100').out) as {
    card: string;
    postcode: string;
    status: string;
  }[];
  const cards = rows.filter((r) => r.postcode === postcode && r.status === 'waiting').map((r) => r.card);
  expect(cards.length, `waiting cards in ${postcode}`).toBeGreaterThanOrEqual(n);
  return cards.slice(0, n);
}

/**
 * The hand-outs the store holds, card by card: read from the server's SQLite file (read-only, WAL),
 * so a test sees what was committed, not what the screen says. (The CLI says the same, but each
 * run costs seconds on a busy machine.)
 */
export function handOutsInStore(desk: DeskServer): string[] {
  const db = new Database(desk.dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT c.card FROM desk_events e JOIN cards c ON c.id = e.card_id
         WHERE e.kind = 'handout' ORDER BY e.seq`,
      )
      .all() as { card: string }[];
    return rows.map((r) => r.card);
  } finally {
    db.close();
  }
}

/** How many hand-outs the store holds. */
export function handOutCount(desk: DeskServer): number {
  return handOutsInStore(desk).length;
}

/** 'collected' once the store holds this card's hand-out, else 'waiting'. */
export function cardStatus(desk: DeskServer, card: string): 'collected' | 'waiting' {
  return handOutsInStore(desk).includes(card) ? 'collected' : 'waiting';
}

export const grouped = (card: string) => card.replace(/(\d{4})(?=\d)/g, '$1 ');
export const searchField = (page: Page) => page.getByRole('combobox', { name: /Zoek of scan/ });
export const handOutButton = (page: Page) => page.getByRole('button', { name: /Identiteit gecontroleerd/ });

/**
 * The card is open and ready, its hand-out button has focus and is not busy, the search field is
 * empty — and the store holds no hand-out of it: whatever opened the card did not confirm.
 */
export async function expectOpenNotHandedOut(page: Page, desk: DeskServer, card: string, handOuts: number) {
  await expect(page.getByTestId('card-number')).toHaveText(grouped(card), { timeout: 20_000 });
  await expect(page.locator('.verdict')).toContainText('Klaar om af te geven');
  await expect(handOutButton(page)).toBeFocused();
  // A press that had been taken as the confirmation would have made the button busy at once.
  await expect(handOutButton(page)).toHaveAttribute('aria-busy', 'false');
  await expect(searchField(page)).toHaveValue('');
  expect(cardStatus(desk, card)).toBe('waiting');
  expect(handOutCount(desk)).toBe(handOuts);
}

/** The second, separate key: now the card is handed out, exactly once. */
export async function expectHandedOutAfter(
  page: Page,
  desk: DeskServer,
  card: string,
  handOuts: number,
  press: () => Promise<void>,
) {
  await press();
  await expect(page.locator('.verdict')).toContainText('Afgegeven', { timeout: 20_000 });
  expect(cardStatus(desk, card)).toBe('collected');
  expect(handOutCount(desk)).toBe(handOuts + 1);
}
