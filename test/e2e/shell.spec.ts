import { openDesk, test, expect } from '../helpers/deskServer';

test('starts a shift: the staff name shows in the header and the four screens are there', async ({
  page,
  desk,
}) => {
  await openDesk(page, desk, 'Bram');
  const nav = page.getByRole('navigation', { name: 'Schermen' });
  for (const name of ['Balie', 'Groepsafhaling', 'Overzicht', 'Beheer']) {
    await expect(nav.getByRole('button', { name })).toBeVisible();
  }
  await expect(page.getByText('Bibliotheek De Krook')).toBeVisible();
  // The token leaves the address bar once read.
  expect(page.url()).not.toContain('token=');
});

test('switches to English and back', async ({ page, desk }) => {
  await openDesk(page, desk);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Group collection' })).toBeVisible();
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('button', { name: 'Groepsafhaling' })).toBeVisible();
});

test('refuses API calls without the session cookie the start link gives', async ({ desk, request }) => {
  const response = await request.post(`${desk.origin}/api/search`, { data: { query: 'peeters' } });
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ ok: false, error: 'unavailable', reason: 'refused' });
});
