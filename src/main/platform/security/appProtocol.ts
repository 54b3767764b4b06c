import path from 'node:path';
import { APP_CSP } from './contentSecurityPolicy';
import { APP_HOST, APP_SCHEME } from './origin';

/**
 * The app:// protocol: maps app://balie/<path> to a file inside the renderer bundle, and nothing
 * else. Checks on the raw URL before any decoding, again after decoding, and finally that the
 * resolved path lies inside the root (the shell also compares realpaths against symlinks).
 */
export type AppRequest =
  | { kind: 'file'; file: string; contentType: string }
  | { kind: 'refused'; status: 400 | 403 | 404 | 405; reason: string };

/** Privileges for protocol.registerSchemesAsPrivileged: a standard, secure origin; CSP applies. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: true,
  codeCache: false,
} as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const refused = (status: 400 | 403 | 404 | 405, reason: string): AppRequest => ({
  kind: 'refused',
  status,
  reason,
});

export function resolveAppRequest(root: string, rawUrl: string, method = 'GET'): AppRequest {
  if (method !== 'GET' && method !== 'HEAD') return refused(405, 'method');
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/i.exec(rawUrl);
  if (!m) return refused(400, 'not a URL');
  if (m[1]!.toLowerCase() !== APP_SCHEME || m[2]!.toLowerCase() !== APP_HOST)
    return refused(403, 'foreign origin');
  const rawPath = m[3] || '/';
  // Raw checks: encoded dots, slashes, backslashes and NUL have no business in our file names.
  if (/%(2e|2f|5c|00)/i.test(rawPath)) return refused(403, 'encoded path characters');
  if (rawPath.includes('\\')) return refused(403, 'backslash');
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return refused(400, 'bad percent-encoding');
  }
  if (decoded.includes('\0')) return refused(403, 'NUL byte');
  if (decoded.includes('\\') || decoded.includes(':')) return refused(403, 'backslash, drive or stream name');
  if (!decoded.startsWith('/') || decoded.startsWith('//')) return refused(403, 'absolute path');
  const segments = decoded.slice(1).split('/');
  if (segments.some((s) => s === '..' || s === '.')) return refused(403, 'dot segment');
  if (segments.slice(0, -1).some((s) => s === '')) return refused(403, 'empty segment');
  // Hidden files (.env, .git) are never part of the bundle.
  if (segments.some((s) => s.startsWith('.'))) return refused(403, 'hidden file');
  let relative = segments.join('/');
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  // Client-side routes (no extension) get the app's page.
  if (path.posix.extname(relative) === '') relative = 'index.html';
  const rootResolved = path.resolve(root);
  const full = path.resolve(rootResolved, relative);
  if (!isInsideRoot(rootResolved, full)) return refused(403, 'outside the bundle');
  return { kind: 'file', file: full, contentType: contentTypeFor(full) };
}

export function isInsideRoot(root: string, target: string): boolean {
  const r = path.resolve(root);
  const t = path.resolve(target);
  return t === r || t.startsWith(r.endsWith(path.sep) ? r : r + path.sep);
}

/** Headers on every app:// response. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': APP_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(self), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
  };
}
