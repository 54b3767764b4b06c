import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../../../../src/main/adapters/api/handlers';
import { createLongWorkRunner } from '../../../../../src/main/adapters/worker/longWorkRunner';
import { keyDirFor } from '../../../../../src/main/platform/keys/installationKey';
import type { KeyProtector } from '../../../../../src/main/platform/keys/installationKey';
import { POSTCODES_FILE } from '../../../../../src/main/platform/paths';
import { setAdminPin } from '../../../../../src/main/useCases/admin/adminPin';
import { importBatch } from '../../../../../src/main/useCases/import/importBatch';
import { makeTestPackage } from '../../../../helpers/packages';
import { testStore } from '../../../../helpers/store';

const PIN = '582064';

/** Stands in for Electron's safeStorage, which only the main thread has. */
const sealingOnMain: KeyProtector & { calls: string[] } = {
  calls: [],
  seal(pem) {
    this.calls.push('seal');
    return Buffer.from(`SEALED:${Buffer.from(pem).toString('base64')}`);
  },
  open(sealed) {
    this.calls.push('open');
    const text = sealed.toString('utf8');
    if (!text.startsWith('SEALED:')) throw new Error('not sealed');
    return Buffer.from(text.slice(7), 'base64').toString('utf8');
  },
};

describe('a report made in the worker thread', () => {
  it('seals and opens its signing key through the main thread', async () => {
    const store = testStore();
    setAdminPin(store, PIN, null);
    await importBatch(store, makeTestPackage());
    const env = {
      postcodesFile: POSTCODES_FILE,
      reportsDir: path.join(store.dir, 'reports'),
      demoMode: false,
      version: 't',
    };
    const runner = createLongWorkRunner(store, { env, protector: sealingOnMain });
    const api = createApiHandlers(store, { ...env, keyProtector: sealingOnMain, longWork: runner });
    const first = await api.exportReport({ adminPin: PIN });
    const second = await api.exportReport({ adminPin: PIN });
    await runner.close();
    expect(first.ok && first.value.newKey).toBe(true);
    expect(second.ok && second.value.newKey).toBe(false);
    expect(second.ok && first.ok && second.value.keyId).toBe(first.ok ? first.value.keyId : null);
    expect(sealingOnMain.calls).toEqual(['seal', 'open']);
    const keyFile = fs.readFileSync(path.join(keyDirFor(store.dbPath), 'report-signing.key'), 'utf8');
    expect(keyFile.startsWith('SEALED:')).toBe(true);
    store.db.close();
  });
});
