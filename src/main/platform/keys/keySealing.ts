import type { KeyProtector } from './installationKey';
import { isSealedKey, SEALED_KEY_MARKER } from './sealedKeyMarker';

/**
 * Seals the installation's report-signing key with the OS key store (Electron's safeStorage:
 * DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux). The file starts with a marker
 * (sealedKeyMarker.ts) so any reader can tell a sealed key from a plain PEM and never mistakes one
 * for a lost key.
 */

/** The part of Electron's safeStorage this needs (injected; tests pass a fake). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export class SealedKeyUnavailableError extends Error {
  constructor() {
    super(
      'De ondertekeningssleutel is versleuteld met de sleutelbewaring van het besturingssysteem, maar die is nu niet beschikbaar (ander gebruikersaccount of andere computer?).',
    );
  }
}

export type ProtectorChoice =
  { protector: KeyProtector; sealed: true } | { protector: KeyProtector; sealed: false; reason: string };

/**
 * safeStorage when it really protects something; otherwise the plain file (mode 0600) with the
 * reason, for a logged warning. Linux's `basic_text` backend uses a fixed password: no protection.
 * Either protector opens a plain PEM written earlier (by the CLI or before safeStorage worked).
 */
export function chooseKeyProtector(safe: SafeStorageLike | null): ProtectorChoice {
  const plainOpen = (sealed: Buffer): string => {
    if (isSealedKey(sealed)) throw new SealedKeyUnavailableError();
    return sealed.toString('utf8');
  };
  const plain: KeyProtector = { seal: (pem) => Buffer.from(pem, 'utf8'), open: plainOpen };
  if (safe === null)
    return { protector: plain, sealed: false, reason: 'safeStorage is not available in this process' };
  let available: boolean;
  try {
    available = safe.isEncryptionAvailable();
  } catch {
    available = false;
  }
  if (!available)
    return { protector: plain, sealed: false, reason: 'safeStorage reports no encryption available' };
  const backend = safe.getSelectedStorageBackend?.();
  if (backend === 'basic_text') {
    return {
      protector: plain,
      sealed: false,
      reason: 'safeStorage uses the basic_text backend (no OS key store)',
    };
  }
  return {
    sealed: true,
    protector: {
      seal: (pem) => Buffer.concat([SEALED_KEY_MARKER, safe.encryptString(pem)]),
      open: (file) => {
        if (!isSealedKey(file)) return file.toString('utf8');
        return safe.decryptString(file.subarray(SEALED_KEY_MARKER.length));
      },
    },
  };
}
