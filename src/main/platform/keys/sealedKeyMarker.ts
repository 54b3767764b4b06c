/**
 * How a sealed key file starts. Its own module because both the key reader (to tell a sealed key
 * from a lost one) and the sealer (to write it) need it, and neither should import the other.
 */
export const SEALED_KEY_MARKER = Buffer.from('LKB-SAFESTORAGE-1\n', 'utf8');

export function isSealedKey(file: Uint8Array): boolean {
  return Buffer.from(file.subarray(0, SEALED_KEY_MARKER.length)).equals(SEALED_KEY_MARKER);
}
