import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { startWebOn } from '../helpers/deskServer';
import { anomalyRows, availableCards, readStore, startDesks, waitFor } from '../helpers/deskProcesses';
import type { DeskCluster } from '../helpers/deskProcesses';

// Two desk processes and a screen on the second: real sync, real SIGSTOP of the host.
test.setTimeout(180_000);

let cluster: DeskCluster | null = null;
test.afterEach(async () => {
  await cluster?.cleanup();
  cluster = null;
});

test('the desk header says online, then offline when the host stops; the double that follows is shown and resolved in Overzicht', async ({
  page,
}) => {
  cluster = await startDesks(2, { names: ['Balie 1', 'Groepen'] });
  const [host, desk] = cluster.desks;
  if (!host || !desk) throw new Error('two desks');
  expect((await cluster.run(host, ['admin-pin', '--new', '482916'])).code).toBe(0);
  expect(
    (await cluster.run(host, ['settings', '--staff', 'An,Bram,Sofie', '--admin-pin', '482916'])).code,
  ).toBe(0);
  // The staff list reaches the desk with the host's settings.
  expect(
    await waitFor(() =>
      readStore(desk.db, (s) =>
        String(s.prepare(`SELECT value FROM settings WHERE key = 'staff_list'`).pluck().get() ?? '').includes(
          'Sofie',
        ),
      ),
    ),
  ).toBe(true);
  // The screen's server leaves sync to the desk's `desk serve`, as a second process on the store.
  const web = await startWebOn(desk.db, ['--sync-listen', 'off']);
  try {
    await page.goto(web.url);
    await page.getByRole('button', { name: 'Sofie' }).click();
    const status = page.locator('.point-status');
    await expect(status.getByText('Online met 1 andere balie')).toBeVisible({ timeout: 15_000 });
    await expect(status.locator('[data-point="online"]')).toHaveClass(/tone-ok/);

    await cluster.pause(host);
    await expect(status.getByText(/Offline sinds \d\d:\d\d/)).toBeVisible({ timeout: 20_000 });
    await page.screenshot({ path: 'test-results/screens/meerdere-balies-offline.png' });
    await expect(status.locator('[data-point="offline"]')).toHaveAttribute(
      'title',
      /Scan de kaart die je meegeeft/,
    );

    // While apart, both desks hand out the same card (the host's store is still there for its own CLI).
    const card = availableCards(desk.db)[5] as string;
    expect((await cluster.run(desk, ['handout', card, '--staff', 'Sofie', '--id-checked'])).code).toBe(0);
    expect((await cluster.run(host, ['handout', card, '--staff', 'An', '--id-checked'])).code).toBe(0);
    cluster.resume(host);
    expect(await waitFor(() => anomalyRows(desk.db).length === 1 && anomalyRows(host.db).length === 1)).toBe(
      true,
    );

    await expect(status.getByText('Online met 1 andere balie')).toBeVisible({ timeout: 15_000 });
    await expect(status.getByText('1 dubbele afgifte te bekijken')).toBeVisible({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Overzicht' }).click();
    const anomaly = page.locator(`[data-anomaly="${card}"]`);
    await expect(anomaly).toContainText(`Kaart ${card} werd twee keer afgegeven`);
    await expect(anomaly).toContainText('Balie 1');
    await expect(anomaly).toContainText('Groepen');
    await expect(page.getByText('Wat te doen: de eerste afgifte telt.')).toBeVisible();

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    await anomaly.getByLabel('Wat stelde je vast?').fill('Tweede kaart teruggebracht door de leerkracht');
    await anomaly.getByRole('button', { name: 'Markeer als afgehandeld' }).click();
    await expect(anomaly).toHaveAttribute('data-resolved', 'yes');
    await expect(anomaly).toContainText('Afgehandeld door Sofie');
    await expect(page.getByRole('heading', { name: '1 dubbele afgifte, afgehandeld' })).toBeVisible();
    await expect(status.locator('[data-point="anomalies"]')).toHaveCount(0, { timeout: 10_000 });
    await page.screenshot({ path: 'test-results/screens/meerdere-balies-dubbel.png', fullPage: false });
    // The resolution travels to the host like an event.
    expect(
      await waitFor(() =>
        readStore(host.db, (s) => s.prepare('SELECT count(*) FROM anomaly_resolutions').pluck().get() === 1),
      ),
    ).toBe(true);
  } finally {
    await web.stop();
  }
});
