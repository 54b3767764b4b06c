import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateInstallationKey } from '../../../../../src/main/platform/keys/installationKey';
import {
  SealedKeyUnavailableError,
  chooseKeyProtector,
} from '../../../../../src/main/platform/keys/keySealing';
import { SEALED_KEY_MARKER, isSealedKey } from '../../../../../src/main/platform/keys/sealedKeyMarker';
import type { SafeStorageLike } from '../../../../../src/main/platform/keys/keySealing';
import { tempDir } from '../../../../helpers/store';

/** Stands in for Electron's safeStorage: XOR "encryption", enough to prove the file is not plain. */
function fakeSafeStorage(
  options: { available?: boolean; backend?: string } = {},
): SafeStorageLike & { calls: string[] } {
  const calls: string[] = [];
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    calls,
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (s) => {
      calls.push('encrypt');
      return xor(Buffer.from(s, 'utf8'));
    },
    decryptString: (b) => {
      calls.push('decrypt');
      return xor(b).toString('utf8');
    },
    ...(options.backend ? { getSelectedStorageBackend: () => options.backend as string } : {}),
  };
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('chooseKeyProtector', () => {
  it('refuses, and never replaces, a sealed key that the plain CLI cannot open', () => {
    const dir = tempDir();
    const sealed = unwrap(loadOrCreateInstallationKey(dir, chooseKeyProtector(fakeSafeStorage()).protector));
    const before = fs.readFileSync(path.join(dir, 'report-signing.key'));
    expect(loadOrCreateInstallationKey(dir)).toMatchObject({
      ok: false,
      error: 'key_unreadable',
      sealed: true,
    });
    expect(fs.readFileSync(path.join(dir, 'report-signing.key')).equals(before)).toBe(true);
    expect(sealed.created).toBe(true);
  });

  it('seals the report-signing key with safeStorage and opens it again', () => {
    const safe = fakeSafeStorage();
    const choice = chooseKeyProtector(safe);
    expect(choice.sealed).toBe(true);
    const dir = tempDir();
    const created = unwrap(loadOrCreateInstallationKey(dir, choice.protector));
    const file = fs.readFileSync(path.join(dir, 'report-signing.key'));
    expect(isSealedKey(file)).toBe(true);
    expect(file.toString('latin1')).not.toContain('PRIVATE KEY');
    const again = unwrap(loadOrCreateInstallationKey(dir, choice.protector));
    expect(again.created).toBe(false);
    expect(again.keyId).toBe(created.keyId);
    expect(safe.calls).toEqual(['encrypt', 'decrypt']);
  });

  it('still opens a plain PEM written earlier (CLI, or before safeStorage worked)', () => {
    const dir = tempDir();
    const plain = unwrap(loadOrCreateInstallationKey(dir));
    const sealed = chooseKeyProtector(fakeSafeStorage());
    const again = unwrap(loadOrCreateInstallationKey(dir, sealed.protector));
    expect(again).toMatchObject({ created: false, keyId: plain.keyId });
  });

  it('falls back to the plain file, with a reason to log, when safeStorage cannot protect anything', () => {
    expect(chooseKeyProtector(null)).toMatchObject({
      sealed: false,
      reason: expect.stringContaining('not available'),
    });
    expect(chooseKeyProtector(fakeSafeStorage({ available: false }))).toMatchObject({ sealed: false });
    expect(chooseKeyProtector(fakeSafeStorage({ backend: 'basic_text' }))).toMatchObject({
      sealed: false,
      reason: expect.stringContaining('basic_text'),
    });
    expect(chooseKeyProtector(fakeSafeStorage({ backend: 'gnome_libsecret' })).sealed).toBe(true);
    const throwing: SafeStorageLike = {
      ...fakeSafeStorage(),
      isEncryptionAvailable: () => {
        throw new Error('not ready');
      },
    };
    expect(chooseKeyProtector(throwing).sealed).toBe(false);
  });

  it('the plain fallback refuses a sealed key loudly instead of treating it as lost', () => {
    const dir = tempDir();
    loadOrCreateInstallationKey(dir, chooseKeyProtector(fakeSafeStorage()).protector);
    const fallback = chooseKeyProtector(null).protector;
    // The fallback protector throws SealedKeyUnavailableError; the key store turns it into a refusal.
    expect(() => fallback.open(fs.readFileSync(path.join(dir, 'report-signing.key')))).toThrow(
      SealedKeyUnavailableError,
    );
    expect(loadOrCreateInstallationKey(dir, fallback)).toMatchObject({
      ok: false,
      error: 'key_unreadable',
      sealed: true,
    });
    expect(fs.readdirSync(dir).filter((f) => f.includes('retired'))).toEqual([]);
    expect(SEALED_KEY_MARKER.toString()).toBe('LKB-SAFESTORAGE-1\n');
  });
});
