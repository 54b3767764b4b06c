import fs from 'node:fs';
import type { Protocol } from 'electron';
import { appResponseHeaders, isInsideRoot, resolveAppRequest } from '../../platform/security/appProtocol';
import { APP_SCHEME } from '../../platform/security/origin';
import type { Logger } from './log';

const STARTUP_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Serves app://balie/ from the renderer bundle, or — when the app cannot start safely — the static
 * startup problem page for every path. Refused requests get a plain status, never a file.
 */
export function registerAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  options: { root: string; startupPage: () => string | null; log: Logger },
): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, options));
}

export async function serveAppRequest(
  request: { url: string; method: string },
  options: { root: string; startupPage: () => string | null; log: Logger },
): Promise<Response> {
  const page = options.startupPage();
  if (page !== null) {
    return new Response(page, {
      status: 200,
      headers: {
        ...appResponseHeaders('text/html; charset=utf-8'),
        'content-security-policy': STARTUP_PAGE_CSP,
      },
    });
  }
  const resolved = resolveAppRequest(options.root, request.url, request.method);
  if (resolved.kind === 'refused') {
    if (resolved.status === 403)
      options.log.warn(`app:// refused ${JSON.stringify(request.url.slice(0, 200))}: ${resolved.reason}`);
    return new Response(null, {
      status: resolved.status,
      headers: appResponseHeaders('text/plain; charset=utf-8'),
    });
  }
  try {
    // Symlinks inside the bundle must not lead out of it.
    const [realRoot, realFile] = await Promise.all([
      fs.promises.realpath(options.root),
      fs.promises.realpath(resolved.file),
    ]);
    if (!isInsideRoot(realRoot, realFile)) return new Response(null, { status: 403 });
    const body = await fs.promises.readFile(realFile);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: appResponseHeaders(resolved.contentType),
    });
  } catch {
    return new Response(null, { status: 404, headers: appResponseHeaders('text/plain; charset=utf-8') });
  }
}
