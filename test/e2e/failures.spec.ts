import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { ADMIN_PIN, expect, openDesk, test } from '../helpers/deskServer';
import type { DeskServer } from '../helpers/deskServer';
import { startFaultProxy } from '../helpers/faultProxy';
import type { FaultProxy } from '../helpers/faultProxy';

// From the Gent fixture (test/fixtures/gent-small.lkb).
const PIETER_VAN_DE_VELDE = '270000000154';
const JOELLE_JANSSENS = '270000005006';
const SOMETHING_WENT_WRONG = 'Er ging iets mis. Probeer opnieuw.';

const searchField = (page: Page) => page.getByRole('combobox', { name: /Zoek of scan/ });
const failure = (page: Page) => page.getByRole('alert').filter({ hasText: 'Er ging iets mis' });
const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Schermen' }).getByRole('button', { name }).click();

/** Hand-out events stored for one card, read from the store file itself. */
function handOutsOf(desk: DeskServer, card: string): number {
  const db = new Database(desk.dbPath, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT count(*) FROM desk_events e JOIN cards c ON c.id = e.card_id WHERE c.card = ? AND e.kind = 'handout'`,
      )
      .pluck()
      .get(card) as number;
  } finally {
    db.close();
  }
}

let proxy: FaultProxy | null = null;
test.afterEach(async () => {
  await proxy?.close();
  proxy = null;
});

async function throughProxy(desk: DeskServer): Promise<DeskServer & { proxy: FaultProxy }> {
  proxy = await startFaultProxy(desk.url);
  return { ...desk, url: proxy.url, proxy };
}

test('Balie: a failing server says "Er ging iets mis", the hand-out button stays usable, and after recovery exactly one hand-out is stored', async ({
  page,
  desk,
}) => {
  const viaProxy = await throughProxy(desk);
  await openDesk(page, viaProxy, 'Sofie');
  await searchField(page).fill(PIETER_VAN_DE_VELDE);
  await searchField(page).press('Enter'); // a typed number opens on Enter
  await expect(page.locator('.verdict')).toContainText('Klaar om af te geven');
  const handOut = page.getByRole('button', { name: /Identiteit gecontroleerd/ });

  // 1. The server hands the card out, but the answer never arrives (dropped connection). The
  // page's kept API channel is open by now, so this is the channel's connection that drops.
  await expect.poll(() => viaProxy.proxy.openChannels()).toBe(1);
  viaProxy.proxy.fail(/^\/api\/handOut/, 'dropAnswer');
  await handOut.click();
  await expect(failure(page)).toContainText(SOMETHING_WENT_WRONG);
  expect(viaProxy.proxy.seenOnChannel(/^\/api\/handOut/)).toBe(1);
  await expect(handOut).toBeEnabled();
  await expect(handOut).toHaveAttribute('aria-busy', 'false');
  expect(handOutsOf(desk, PIETER_VAN_DE_VELDE)).toBe(1);
  const axe = await new AxeBuilder({ page }).include('#main').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);

  // 2. The server is down: a 500 page from in between, then a dropped connection. (Chromium
  // itself may resend a request whose connection dropped: count attempts, not exact numbers.)
  viaProxy.proxy.fail(/^\/api\/handOut/, 'error500');
  let attempts = viaProxy.proxy.seen(/^\/api\/handOut/);
  await handOut.click();
  await expect.poll(() => viaProxy.proxy.seen(/^\/api\/handOut/)).toBeGreaterThan(attempts);
  await expect(failure(page)).toContainText(SOMETHING_WENT_WRONG);
  await expect(handOut).toHaveAttribute('aria-busy', 'false');
  viaProxy.proxy.fail(/^\/api\/handOut/, 'drop');
  attempts = viaProxy.proxy.seen(/^\/api\/handOut/);
  await handOut.click();
  await expect.poll(() => viaProxy.proxy.seen(/^\/api\/handOut/)).toBeGreaterThan(attempts);
  await expect(failure(page)).toContainText(SOMETHING_WENT_WRONG);
  await expect(handOut).toBeEnabled();

  // 3. The server is back: the same button finishes the job, and the store holds one hand-out.
  viaProxy.proxy.heal();
  await handOut.click();
  await expect(page.locator('.verdict')).toContainText('Afgegeven');
  await expect(failure(page)).toHaveCount(0);
  expect(handOutsOf(desk, PIETER_VAN_DE_VELDE)).toBe(1);

  // The next teacher works as if nothing happened.
  await page.keyboard.press('Escape');
  await searchField(page).fill(JOELLE_JANSSENS);
  await searchField(page).press('Enter'); // a typed number opens on Enter
  await expect(page.locator('.verdict')).toContainText('Klaar om af te geven');
});

test('Balie: a card check and a search that get no answer offer a retry that works once the server is back', async ({
  page,
  desk,
}) => {
  const viaProxy = await throughProxy(desk);
  await openDesk(page, viaProxy, 'An');
  viaProxy.proxy.fail(/^\/api\/checkCard/, 'error500');
  await searchField(page).fill(PIETER_VAN_DE_VELDE);
  await searchField(page).press('Enter'); // a typed number opens on Enter
  await expect(failure(page)).toContainText(SOMETHING_WENT_WRONG);
  viaProxy.proxy.heal();
  await failure(page).getByRole('button', { name: 'Opnieuw proberen' }).click();
  await expect(page.locator('.verdict')).toContainText('Klaar om af te geven');

  await page.keyboard.press('Escape');
  viaProxy.proxy.fail(/^\/api\/search/, 'drop');
  await searchField(page).fill('velde');
  await expect(failure(page)).toContainText(SOMETHING_WENT_WRONG);
  // No answer is not "no match": the postcode look-up for unknown names stays away.
  await expect(page.locator('.where-is-card')).toHaveCount(0);
  viaProxy.proxy.heal();
  await failure(page).getByRole('button', { name: 'Opnieuw proberen' }).click();
  await expect(page.getByRole('option', { name: /Pieter Van de Velde/ })).toBeVisible();
  await expect(failure(page)).toHaveCount(0);
});

test('Start of shift: no answer to the first call shows the message and a retry; the desk starts once the server answers', async ({
  page,
  desk,
}) => {
  const viaProxy = await throughProxy(desk);
  viaProxy.proxy.fail(/^\/api\/session/, 'drop');
  await page.goto(viaProxy.url);
  await expect(failure(page)).toContainText(SOMETHING_WENT_WRONG);
  viaProxy.proxy.heal();
  await failure(page).getByRole('button', { name: 'Opnieuw proberen' }).click();
  await expect(page.getByRole('heading', { name: 'Wie staat er aan de balie?' })).toBeVisible();
  await page.getByRole('button', { name: 'Bram' }).click();
  await expect(page.getByText('Medewerker: Bram')).toBeVisible();
});

test('Overzicht, Groepsafhaling and Beheer say "Er ging iets mis" and recover when the server is back', async ({
  page,
  desk,
}) => {
  const viaProxy = await throughProxy(desk);
  await openDesk(page, viaProxy, 'An');

  // Overzicht
  viaProxy.proxy.fail(/^\/api\/(overview|postcodeMap)/, 'error500');
  await nav(page, 'Overzicht');
  await expect(failure(page)).toContainText(SOMETHING_WENT_WRONG);
  viaProxy.proxy.heal();
  await failure(page).getByRole('button', { name: 'Opnieuw proberen' }).click();
  await expect(page.getByTestId('overview-collected')).toBeVisible();
  await expect(page.getByTestId('failure-notice')).toHaveCount(0);

  // Groepsafhaling: a card check without answer, then the confirmation itself.
  await nav(page, 'Groepsafhaling');
  await page.getByRole('button', { name: 'Afhaler heeft hier geen kaart' }).click();
  await page.getByLabel('Naam van de afhaler').fill('Karim Haddad');
  await page.getByLabel('Identiteitsbewijs').fill('rijbewijs nr 123456789');
  await page.getByRole('button', { name: 'Deze afhaler gebruiken' }).click();
  viaProxy.proxy.fail(/^\/api\/checkCard/, 'drop');
  await page.getByRole('combobox', { name: /Kaart toevoegen/ }).fill(PIETER_VAN_DE_VELDE);
  await expect(failure(page)).toContainText(SOMETHING_WENT_WRONG);
  viaProxy.proxy.heal();
  await failure(page).getByRole('button', { name: 'Opnieuw proberen' }).click();
  await expect(failure(page)).toHaveCount(0);
  await page.getByLabel('Identiteit van de afhaler gecontroleerd').check();
  const confirm = page.getByRole('button', { name: /Bevestig groepsafhaling/ });
  await expect(confirm).toBeEnabled();
  viaProxy.proxy.fail(/^\/api\/collectGroup/, 'dropAnswer');
  await confirm.click();
  await expect(failure(page)).toContainText(SOMETHING_WENT_WRONG);
  await expect(confirm).toBeEnabled();
  viaProxy.proxy.heal();
  await confirm.click();
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeVisible();
  expect(handOutsOf(desk, PIETER_VAN_DE_VELDE)).toBe(1);

  // Beheer: the PIN check without answer keeps the PIN for the next try.
  await nav(page, 'Beheer');
  viaProxy.proxy.fail(/^\/api\/verifyAdminPin/, 'error500');
  await page.getByLabel('Beheerderspincode').fill(ADMIN_PIN);
  const unlock = page.getByRole('button', { name: 'Ontgrendelen' });
  await unlock.click();
  await expect(failure(page)).toContainText(SOMETHING_WENT_WRONG);
  viaProxy.proxy.heal();
  await expect(unlock).toBeEnabled();
  await unlock.click();
  await expect(page.getByRole('heading', { name: 'Pakket inlezen' })).toBeVisible();
  await expect(page.getByTestId('failure-notice')).toHaveCount(0);
});

test('the start URL works once: it becomes an HttpOnly cookie, the address bar keeps no token, a second use is refused', async ({
  page,
  desk,
  browser,
}) => {
  const token = new URL(desk.url).searchParams.get('token') ?? '';
  expect(token).not.toBe('');
  await openDesk(page, desk, 'Sofie');
  expect(page.url()).not.toContain(token);
  expect(new URL(page.url()).search).toBe('');
  expect(await page.evaluate(() => window.location.href)).not.toContain('token');
  const cookies = await page.context().cookies();
  expect(cookies).toEqual([
    expect.objectContaining({ name: 'balie_session', httpOnly: true, sameSite: 'Strict', path: '/' }),
  ]);
  expect(cookies[0]?.value).not.toContain(token);
  // HttpOnly: the page's own scripts cannot read it.
  expect(await page.evaluate(() => document.cookie)).toBe('');
  // A reload keeps working on the cookie alone.
  await page.reload();
  await expect(page.getByText('Medewerker: Sofie')).toBeVisible();

  // Someone else with the link (from the History, a screenshot): refused, no cookie.
  const other = await browser.newContext();
  const stranger = await other.newPage();
  const answer = await stranger.goto(desk.url);
  expect(answer?.status()).toBe(403);
  await expect(stranger.getByText(/al gebruikt/)).toBeVisible();
  expect(await other.cookies()).toEqual([]);
  await other.close();
});
