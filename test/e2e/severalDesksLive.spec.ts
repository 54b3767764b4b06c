import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { ADMIN_PIN, startDeskServer, startWebOn } from '../helpers/deskServer';
import { availableCards, cli, readStore, waitFor } from '../helpers/deskProcesses';

// Two desks as the product runs them: each its own `start:web` server with the sync service inside
// (no `desk serve`), its own store, its own browser page. Pairing uses the code the host's screen shows.
test.setTimeout(240_000);

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Schermen' }).getByRole('button', { name }).click();
const searchField = (page: Page) => page.getByRole('combobox', { name: /Zoek of scan/ });
const verdict = (page: Page) => page.locator('.verdict');

/** Serious, critical and moderate findings fail (Beheer's landmarks have unique names now). */
async function expectAccessible(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).include('#main').analyze();
  const bad = axe.violations.filter((v) => v.impact !== 'minor');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

async function startShift(page: Page, url: string, staff: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: staff }).click();
  await expect(page.getByText(`Medewerker: ${staff}`)).toBeVisible();
}

async function unlockAdmin(page: Page): Promise<void> {
  await nav(page, 'Beheer');
  await page.getByLabel('Beheerderspincode').fill(ADMIN_PIN);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
}

async function openCard(page: Page, card: string): Promise<void> {
  await searchField(page).fill(card);
  await page.keyboard.press('Enter');
}

/**
 * On the host's page, Beheer → Balies shows a pairing code; the new PC (a store at `deskDb`)
 * pairs with exactly what the screen showed, by `desk join`. Returns the text shown, what was
 * read off it, and the join's outcome.
 */
async function joinWithShownCode(pageA: Page, deskDb: string) {
  await unlockAdmin(pageA);
  await pageA
    .getByRole('region', { name: 'Balies van dit punt' })
    .getByRole('button', { name: 'Toon een koppelcode' })
    .click();
  const shown = (await pageA.getByTestId('pairing-code').textContent()) ?? '';
  const [, code, url, fingerprint] =
    /Koppelcode (\d{3}-\d{3}), 10 minuten geldig\. Adres (https:\/\/\S+?)\. Vingerafdruk van deze balie: (SHA256:[0-9a-f]{64})\./.exec(
      shown,
    ) ?? [];
  const joined = await cli([
    '--db',
    deskDb,
    'desk',
    'join',
    url as string,
    '--code',
    code as string,
    '--name',
    'Groepen',
    '--json',
  ]);
  return { shown, code, fingerprint, joined };
}

test('a desk pairs with the code Beheer shows; a hand-out at the host turns the open card at the other desk to "al afgehaald" without a reload', async ({
  browser,
}) => {
  const host = await startDeskServer({ webArgs: ['--sync-listen', '127.0.0.1:0'] });
  const deskDir = fs.mkdtempSync(path.join(path.dirname(host.dir), 'balie-e2e-desk-'));
  const deskDb = path.join(deskDir, 'balie.sqlite');
  let deskWeb: Awaited<ReturnType<typeof startWebOn>> | null = null;
  // One context per desk: two PCs, and cookies are per host, not per port.
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();
  try {
    await startShift(pageA, host.url, 'An');
    // The new PC pairs with exactly what the host's screen showed, then runs the app (sync inside).
    const { shown, code, fingerprint, joined } = await joinWithShownCode(pageA, deskDb);
    expect(code, shown).toMatch(/^\d{3}-\d{3}$/);
    expect(fingerprint, shown).toMatch(/^SHA256:[0-9a-f]{64}$/);
    await expectAccessible(pageA);
    expect(joined.code, joined.err).toBe(0);
    expect(JSON.parse(joined.out) as { hostFingerprint: string }).toMatchObject({
      hostFingerprint: fingerprint,
    });
    deskWeb = await startWebOn(deskDb, ['--sync-listen', '127.0.0.1:0']);

    await startShift(pageB, deskWeb.url, 'Sofie');
    await expect(pageB.locator('.point-status').getByText('Online met 1 andere balie')).toBeVisible({
      timeout: 30_000,
    });
    const card = availableCards(deskDb)[3] as string;
    await openCard(pageB, card);
    await expect(verdict(pageB)).toContainText('Klaar om af te geven');
    await expect(pageB.getByRole('button', { name: /Identiteit gecontroleerd/ })).toBeVisible();

    // The host hands the same card out on its own screen.
    await nav(pageA, 'Balie');
    await openCard(pageA, card);
    await expect(verdict(pageA)).toContainText('Klaar om af te geven');
    await pageA.getByRole('button', { name: 'Identiteit gecontroleerd — afgeven (Enter)' }).click();
    await expect(verdict(pageA)).toContainText('Afgegeven');
    expect(
      await waitFor(() =>
        readStore(
          deskDb,
          (s) =>
            s
              .prepare(
                `SELECT count(*) FROM card_state st JOIN cards c ON c.id = st.card_id WHERE c.card = ? AND st.state = 'collected'`,
              )
              .pluck()
              .get(card) === 1,
        ),
      ),
    ).toBe(true);

    // Page B was never reloaded: its open card says who took it, and the button is gone.
    const title = verdict(pageB).locator('.verdict-title');
    await expect(title).toHaveText(/^Al afgehaald op \d{2}-\d{2}-\d{4} om \d{2}:\d{2}$/, { timeout: 30_000 });
    await expect(verdict(pageB).locator('.verdict-detail')).toContainText('(Balie 1, An, zelf)');
    await expect(pageB.getByRole('button', { name: /Identiteit gecontroleerd/ })).toHaveCount(0);
    await expectAccessible(pageB);
    await pageB.screenshot({ path: 'test-results/screens/meerdere-balies-live.png' });
  } finally {
    await contextA.close();
    await contextB.close();
    await deskWeb?.stop();
    await host.stop();
    fs.rmSync(deskDir, { recursive: true, force: true });
    fs.rmSync(host.dir, { recursive: true, force: true });
  }
});

test('Beheer on a desk: "Ontkoppel deze balie" with the PIN tells the host and wipes the copy; the host lists it as unpaired', async ({
  browser,
}) => {
  const host = await startDeskServer({ webArgs: ['--sync-listen', '127.0.0.1:0'] });
  const deskDir = fs.mkdtempSync(path.join(path.dirname(host.dir), 'balie-e2e-desk-'));
  const deskDb = path.join(deskDir, 'balie.sqlite');
  let deskWeb: Awaited<ReturnType<typeof startWebOn>> | null = null;
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();
  try {
    await startShift(pageA, host.url, 'An');
    const { joined } = await joinWithShownCode(pageA, deskDb);
    expect(joined.code, joined.err).toBe(0);
    // A backup of the desk's copy: it goes with the wipe.
    expect((await cli(['--db', deskDb, 'backup'])).code).toBe(0);
    expect(fs.readdirSync(path.join(deskDir, 'backups')).length).toBeGreaterThan(0);
    deskWeb = await startWebOn(deskDb, ['--sync-listen', '127.0.0.1:0']);
    await startShift(pageB, deskWeb.url, 'Sofie');
    await expect(pageB.locator('.point-status').getByText('Online met 1 andere balie')).toBeVisible({
      timeout: 30_000,
    });
    await unlockAdmin(pageB);
    const unpair = pageB.getByRole('region', { name: 'Ontkoppel deze balie' });
    await expect(unpair).toContainText('De hostbalie (Balie 1) hoort het eerst');
    const button = unpair.getByRole('button', { name: 'Ontkoppel deze balie' });
    await expect(button).toBeDisabled();
    await expectAccessible(pageB);
    await unpair.getByLabel('Beheerderspincode ter bevestiging').fill(ADMIN_PIN);
    await button.click();

    await expect(pageB.getByRole('heading', { name: 'Deze balie is ontkoppeld' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(pageB.getByTestId('desk-wiped')).toContainText('De hostbalie bewaart alles.');
    await expectAccessible(pageB);
    await pageB.screenshot({ path: 'test-results/screens/balie-ontkoppeld.png' });
    expect(fs.readdirSync(deskDir)).toEqual([]);
    // Nothing left to do but close the app: start:web's server stops.
    await pageB.getByRole('button', { name: 'Sluit de app' }).click();
    await expect(pageB.getByTestId('desk-wiped')).toContainText('De app is gesloten.');
    const origin = new URL(deskWeb.url).origin;
    await expect
      .poll(
        () =>
          fetch(origin).then(
            () => 'up',
            () => 'down',
          ),
        { timeout: 30_000 },
      )
      .toBe('down');
    expect(fs.readdirSync(deskDir)).toEqual([]);

    // The host lists it as unpaired (its own list, read again).
    await nav(pageA, 'Balie');
    await unlockAdmin(pageA);
    const row = pageA.getByTestId('desk-table').getByRole('row', { name: /Groepen/ });
    await expect(row).toContainText('ontkoppeld, kopie gewist');
    expect(
      readStore(host.dbPath, (s) =>
        s.prepare(`SELECT count(*) FROM audit_log WHERE action = 'desk_unpaired'`).pluck().get(),
      ),
    ).toBe(1);
  } finally {
    await contextA.close();
    await contextB.close();
    await deskWeb?.stop();
    await host.stop();
    fs.rmSync(deskDir, { recursive: true, force: true });
    fs.rmSync(host.dir, { recursive: true, force: true });
  }
});

/** A host (page A) and a desk "Groepen" (page B) joined with the code A's Beheer shows, both online. */
async function hostAndJoinedDesk(pageA: Page, pageB: Page) {
  const host = await startDeskServer({ webArgs: ['--sync-listen', '127.0.0.1:0'] });
  const deskDir = fs.mkdtempSync(path.join(path.dirname(host.dir), 'balie-e2e-desk-'));
  const deskDb = path.join(deskDir, 'balie.sqlite');
  await startShift(pageA, host.url, 'An');
  const { joined } = await joinWithShownCode(pageA, deskDb);
  expect(joined.code, joined.err).toBe(0);
  const deskWeb = await startWebOn(deskDb, ['--sync-listen', '127.0.0.1:0']);
  await startShift(pageB, deskWeb.url, 'Sofie');
  await expect(pageB.locator('.point-status').getByText('Online met 1 andere balie')).toBeVisible({
    timeout: 30_000,
  });
  return { host, deskDir, deskDb, deskWeb };
}

test('Beheer on the host: "Draag de hostrol over aan Groepen" with the PIN; then the other desk is the host, and this one a desk, without a restart', async ({
  browser,
}) => {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();
  let cluster: Awaited<ReturnType<typeof hostAndJoinedDesk>> | null = null;
  try {
    cluster = await hostAndJoinedDesk(pageA, pageB);
    await expect(pageA.locator('.point-status')).toContainText('Hostbalie', { timeout: 30_000 });
    await expect(pageB.locator('.point-status')).toContainText('Host: Balie 1');
    // Beheer read again, now that Groepen has greeted the host.
    await nav(pageA, 'Balie');
    await unlockAdmin(pageA);
    await expect(pageA.getByTestId('desk-role')).toHaveText(/Deze balie is de hostbalie/);
    const handover = pageA.getByRole('region', { name: 'Draag de hostrol over' });
    await expect(handover).toContainText('deze pc wordt een gewone balie');
    await expect(handover.getByLabel('Nieuwe hostbalie')).toHaveValue('Groepen');
    const button = handover.getByRole('button', { name: 'Draag de hostrol over aan Groepen' });
    await expect(button).toBeDisabled();
    await expectAccessible(pageA);
    await handover.getByLabel('Beheerderspincode ter bevestiging').fill(ADMIN_PIN);
    await button.click();

    await expect(pageA.getByText(/Groepen is nu de hostbalie, met de sleutel van dit punt/)).toBeVisible({
      timeout: 30_000,
    });
    await expect(pageA.getByTestId('desk-role')).toHaveText('Deze balie werkt met de hostbalie Groepen.');
    await expect(pageA.getByRole('region', { name: 'Draag de hostrol over' })).toHaveCount(0);
    // Pairing codes come from the host only.
    await expect(pageA.getByRole('button', { name: 'Toon een koppelcode' })).toHaveCount(0);
    await expect(pageA.locator('.point-status')).toContainText('Host: Groepen', { timeout: 30_000 });
    // A desk now: it offers the take-over, with its warning about the new key.
    await expect(
      pageA.getByRole('region', { name: 'Neem de hostrol over (de hostbalie is stuk)' }),
    ).toContainText('NIEUWE sleutel');
    await expectAccessible(pageA);

    // Page B was never reloaded: its header and, opened now, its Beheer say it is the host.
    await expect(pageB.locator('.point-status')).toContainText('Hostbalie', { timeout: 30_000 });
    await unlockAdmin(pageB);
    await expect(pageB.getByTestId('desk-role')).toHaveText(/Deze balie is de hostbalie/);
    await expect(pageB.getByRole('region', { name: 'Ontkoppel deze balie' })).toHaveCount(0);
    await expect(pageB.getByRole('button', { name: 'Toon een koppelcode' })).toBeVisible();
    await expectAccessible(pageB);
    await pageB
      .getByRole('region', { name: 'Balies van dit punt' })
      .screenshot({ path: 'test-results/screens/hostrol-overgedragen.png' });
    expect(
      readStore(cluster.deskDb, (s) =>
        s.prepare(`SELECT value FROM settings WHERE key = 'point_role'`).pluck().get(),
      ),
    ).toBe('host');
  } finally {
    await contextA.close();
    await contextB.close();
    await cluster?.deskWeb.stop();
    await cluster?.host.stop();
    if (cluster) {
      fs.rmSync(cluster.deskDir, { recursive: true, force: true });
      fs.rmSync(cluster.host.dir, { recursive: true, force: true });
    }
  }
});

test('a fresh desk joins a host from its own Beheer with the code the host shows (a wrong code first changes nothing); it then holds the host cards and is online', async ({
  browser,
}) => {
  const host = await startDeskServer({ webArgs: ['--sync-listen', '127.0.0.1:0'] });
  // A fresh PC with the policy's point: nothing imported, no PIN, no staff list yet.
  const fresh = await startDeskServer({
    importFixture: null,
    bare: true,
    webArgs: ['--sync-listen', '127.0.0.1:0'],
  });
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();
  try {
    await startShift(pageA, host.url, 'An');
    await unlockAdmin(pageA);
    await pageA
      .getByRole('region', { name: 'Balies van dit punt' })
      .getByRole('button', { name: 'Toon een koppelcode' })
      .click();
    const shown = (await pageA.getByTestId('pairing-code').textContent()) ?? '';
    const [, code, url] =
      /Koppelcode (\d{3}-\d{3}),.*Adres (https:\/\/\S+?)\. Vingerafdruk/.exec(shown) ?? [];
    const wrong = code === '123-456' ? '654-321' : '123-456';

    await pageB.goto(fresh.url);
    await pageB.getByLabel('Naam van de medewerker').fill('Sofie');
    await pageB.getByRole('button', { name: 'Begin' }).click();
    await nav(pageB, 'Beheer');
    await pageB.getByLabel('Nieuwe pincode', { exact: true }).fill(ADMIN_PIN);
    await pageB.getByLabel('Nieuwe pincode nog eens').fill(ADMIN_PIN);
    await pageB.getByRole('button', { name: 'Pincode instellen' }).click();
    await expect(pageB.getByRole('heading', { name: 'Vergrendeld' })).toBeVisible();
    await pageB.getByLabel('Beheerderspincode', { exact: true }).fill(ADMIN_PIN);
    await pageB.getByRole('button', { name: 'Ontgrendelen' }).click();
    const join = pageB.getByRole('region', { name: 'Koppel aan een bestaande hostbalie' });
    await expect(join).toContainText('Deze pc bevat nog niets');
    await expectAccessible(pageB);
    await join.getByLabel('Adres van de hostbalie (https://HOST:POORT)').fill(url as string);
    await join.getByLabel('Koppelcode (NNN-NNN)').fill(wrong);
    await join.getByLabel('Naam van deze balie').fill('Groepen');
    await join.getByLabel('Beheerderspincode ter bevestiging').fill(ADMIN_PIN);
    await join.getByRole('button', { name: 'Koppel aan de hostbalie' }).click();
    await expect(join.getByRole('alert')).toHaveText('Verkeerde koppelcode.', { timeout: 30_000 });
    // Nothing changed: the same empty store, still its own point, and the app works on it.
    expect(
      readStore(fresh.dbPath, (s) => ({
        peers: s.prepare('SELECT count(*) FROM point_peers').pluck().get(),
        role: s.prepare(`SELECT value FROM settings WHERE key = 'point_role'`).pluck().get() ?? null,
      })),
    ).toEqual({ peers: 0, role: null });
    expect(fs.readdirSync(fresh.dir).filter((f) => f.includes('before-join'))).toEqual([]);

    await join.getByLabel('Koppelcode (NNN-NNN)').fill(code as string);
    await join.getByRole('button', { name: 'Koppel aan de hostbalie' }).click();
    await expect(pageB.getByText(/Gekoppeld aan punt BIB-GENT: \d+ kaarten/)).toBeVisible({
      timeout: 60_000,
    });
    await expect(pageB.locator('.point-name')).toHaveText(/· Groepen$/);
    // The point's settings came with it: the host's staff list is offered at the next shift.
    expect(
      readStore(fresh.dbPath, (s) =>
        s.prepare(`SELECT value FROM settings WHERE key = 'staff_list'`).pluck().get(),
      ),
    ).toContain('Bram');
    await expect(pageB.getByRole('region', { name: 'Koppel aan een bestaande hostbalie' })).toHaveCount(0);
    await expect(pageB.locator('.point-status').getByText('Online met 1 andere balie')).toBeVisible({
      timeout: 30_000,
    });
    await expectAccessible(pageB);
    await pageB.screenshot({ path: 'test-results/screens/balie-gekoppeld-vanuit-beheer.png' });
    expect(fs.readdirSync(fresh.dir).filter((f) => f.includes('before-join'))).toEqual([]);

    // The host's cards are here: a search finds one, ready to hand out.
    const card = availableCards(host.dbPath)[2] as string;
    await nav(pageB, 'Balie');
    await openCard(pageB, card);
    await expect(verdict(pageB)).toContainText('Klaar om af te geven');
    // The host lists the new desk.
    await nav(pageA, 'Balie');
    await unlockAdmin(pageA);
    await expect(pageA.getByTestId('desk-table').getByRole('row', { name: /Groepen/ })).toContainText(
      'online',
      {
        timeout: 30_000,
      },
    );
  } finally {
    await contextA.close();
    await contextB.close();
    await fresh.stop();
    await host.stop();
    fs.rmSync(fresh.dir, { recursive: true, force: true });
    fs.rmSync(host.dir, { recursive: true, force: true });
  }
});
