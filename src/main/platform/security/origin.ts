/**
 * The app's own origin. Node's WHATWG URL gives `origin === 'null'` for a custom scheme, so the
 * origin is read from the URL text: scheme and host, lower-cased, no path.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'balie';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function originOf(url: string): string | null {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\\]*)/i.exec(url.trim());
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  const authority = m[2]!.toLowerCase();
  if (authority.includes('@')) return null;
  return `${scheme}://${authority}`;
}

export function isAppUrl(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}
