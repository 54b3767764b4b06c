import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setAdminPin } from '../../../../../src/main/useCases/admin/adminPin';
import { createApiHandlers } from '../../../../../src/main/adapters/api/handlers';
import { runCli } from '../../../../helpers/cli';
import { FIXTURE_PACKAGES } from '../../../../helpers/packages';
import { dbChecksum, tempDir, testStore } from '../../../../helpers/store';

/** Issue 8: an unsigned preview reads an untrusted file to its end, so once a PIN is set it needs it. */
const PIN = '482916';

function api() {
  const store = testStore();
  const handlers = createApiHandlers(store, {
    postcodesFile: 'assets/be-postcodes.csv',
    reportsDir: tempDir(),
    demoMode: false,
    version: 'test',
  });
  return { store, handlers };
}

const unsigned = () => fs.readFileSync(FIXTURE_PACKAGES.gentBadSignature).toString('base64');

describe('an unsigned preview once an admin PIN is set', () => {
  it('web API: refuses it without the PIN and with an empty PIN, allows it with the PIN', async () => {
    const { store, handlers } = api();
    expect(setAdminPin(store, PIN, null).ok).toBe(true);
    const before = dbChecksum(store.db);
    const ask = (adminPin: string) =>
      handlers.importPackage({
        fileName: 'x.lkb',
        contentBase64: unsigned(),
        allowUnsigned: true,
        preview: true,
        adminPin,
      });
    expect(await ask('')).toMatchObject({ ok: false, error: 'pin_wrong' });
    expect(await ask('000000')).toMatchObject({ ok: false, error: 'pin_wrong' });
    expect(
      dbChecksum(store.db) === before || store.db.prepare('SELECT count(*) FROM batches').pluck().get() === 0,
    ).toBe(true);
    expect(await ask(PIN)).toMatchObject({ ok: true, value: { signature: 'unsigned_override' } });
    // A preview imports nothing, even with the PIN.
    expect(store.db.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(0);
  });

  it('web API: a signed preview still needs no PIN', async () => {
    const { store, handlers } = api();
    expect(setAdminPin(store, PIN, null).ok).toBe(true);
    const signed = fs.readFileSync(FIXTURE_PACKAGES.gentSmall).toString('base64');
    expect(
      await handlers.importPackage({
        fileName: 'x.lkb',
        contentBase64: signed,
        allowUnsigned: false,
        preview: true,
        adminPin: '',
      }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('CLI: import --preview --allow-unsigned needs the PIN', async () => {
    const dir = tempDir();
    const db = `${dir}/balie.sqlite`;
    const pub = 'test/fixtures/issuer-test.pub.pem';
    expect(
      (await runCli(['--db', db, 'init', '--point', 'BIB-GENT', '--name', 'Gent', '--issuer-key', pub])).code,
    ).toBe(0);
    expect((await runCli(['--db', db, 'admin-pin', '--new', PIN])).code).toBe(0);
    const args = ['--db', db, 'import', FIXTURE_PACKAGES.gentBadSignature, '--preview', '--allow-unsigned'];
    const without = await runCli(args);
    expect(without.code).toBe(1);
    expect(without.err).toMatch(/beheerderspincode/);
    expect((await runCli([...args, '--admin-pin', PIN])).code).toBe(0);
  });
});
