/**
 * What a person types to join a host, read the way they mean it. The host shows
 * "Koppelcode 482-913" and "Adres https://10.0.4.21:47470"; people type `482913`, `482 913` or
 * paste `482–913` (an en dash), and often leave out `https://`. A code read wrongly would cost
 * one of the host's five attempts, so the reading happens before any network.
 */

/** Six digits in any grouping become `NNN-NNN`; anything else stays as typed (and is refused as a wrong code). */
export function pairingCodeOf(typed: string): string {
  const digits = typed.replace(/[\s\-‐-―.]/g, '');
  return /^\d{6}$/.test(digits) ? `${digits.slice(0, 3)}-${digits.slice(3)}` : typed.trim();
}

/** `HOST:PORT` without a scheme means the host's https address; a typed scheme is kept (and checked). */
export function hostAddressOf(typed: string): string {
  const address = typed.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(address) ? address : `https://${address}`;
}
