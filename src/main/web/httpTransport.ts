import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { ApiHandlers } from '../../shared/api/contract';
import { isApiMethod } from '../../shared/api/contract';
import { APP_CSP } from '../security/contentSecurityPolicy';
import { readStaticFile } from './staticFiles';

export interface HttpTransportOptions {
  handlers: ApiHandlers;
  /** Built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  /** Fixed token for tests; random per run otherwise. */
  token?: string;
  /** Largest request body (an import carries the whole package, base64). */
  maxBodyBytes?: number;
}

export interface RunningTransport {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-balie-token';

/**
 * The same API handlers as Electron IPC, over loopback HTTP for the browser (development, demos,
 * end-to-end tests). Only 127.0.0.1, a random per-run token on every API call, a Host check
 * against DNS rebinding, and the renderer's CSP on every page.
 */
export async function startHttpTransport(options: HttpTransportOptions): Promise<RunningTransport> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const maxBody = options.maxBodyBytes ?? 350 * 1024 * 1024;
  let origin = '';

  const server = http.createServer((req, res) => {
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, {
        'content-type': type,
        'content-security-policy': APP_CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      res.end(body);
    };
    const host = req.headers.host ?? '';
    if (host !== new URL(origin).host && host !== `localhost:${new URL(origin).port}`) {
      send(421, 'Verkeerde host.');
      return;
    }
    const url = req.url ?? '/';
    if (req.method === 'POST' && url.startsWith('/api/')) {
      const method = url.slice('/api/'.length).split('?')[0] ?? '';
      const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
      if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) {
        send(401, JSON.stringify({ ok: false, error: 'unauthorized' }), 'application/json');
        return;
      }
      const fromOrigin = req.headers.origin;
      if (
        fromOrigin !== undefined &&
        fromOrigin !== origin &&
        fromOrigin !== `http://localhost:${new URL(origin).port}`
      ) {
        send(403, JSON.stringify({ ok: false, error: 'forbidden_origin' }), 'application/json');
        return;
      }
      if (!isApiMethod(method)) {
        send(404, JSON.stringify({ ok: false, error: 'unknown_method' }), 'application/json');
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBody) {
          send(413, JSON.stringify({ ok: false, error: 'package_too_large' }), 'application/json');
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => {
        if (res.headersSent) return;
        let args: unknown;
        try {
          args = chunks.length === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          send(
            400,
            JSON.stringify({ ok: false, error: 'invalid_request', issues: ['JSON'] }),
            'application/json',
          );
          return;
        }
        options.handlers[method](args).then(
          (result) => send(200, JSON.stringify(result), 'application/json'),
          (error: unknown) => {
            // A bug, not user input: say so without leaking details to the page.
            process.stderr.write(`API ${method} failed: ${(error as Error).stack ?? String(error)}\n`);
            send(500, JSON.stringify({ ok: false, error: 'internal' }), 'application/json');
          },
        );
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'Methode niet toegestaan.');
      return;
    }
    const file = readStaticFile(options.staticDir, url) ?? readStaticFile(options.staticDir, '/index.html');
    if (!file) {
      send(404, 'Niet gevonden. Bouw eerst de renderer (npm run build:renderer).');
      return;
    }
    send(200, file.body, file.type);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // An open browser tab keeps idle keep-alive connections: do not wait for it to go away.
        server.closeAllConnections();
      }),
  };
}
