import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ApiHandlers, ApiMethod } from '../../../shared/api/contract';
import { isApiMethod, MAX_PACKAGE_BASE64_CHARS } from '../../../shared/api/contract';
import { INTERNAL_FAILURE, unavailable } from '../../../shared/api/transportFailure';
import { APP_CSP } from '../../platform/security/contentSecurityPolicy';
import { createDepthGuard } from './jsonDepth';
import { readStaticFile } from './staticFiles';
import type { ProgressHub } from '../worker/progressHub';
import { API_SOCKET_PATH, createApiSocket } from './apiSocket';

/** The server-sent event stream of long work's progress (`event: progress`, JSON data). */
export const PROGRESS_STREAM_PATH = '/api/progress';

/** What the transport accepts; every limit is answered in the contract's failure shape. */
export interface TransportLimits {
  /** Body of every method but importPackage. */
  smallBodyBytes: number;
  /** Body of importPackage: the contract's largest base64 package plus the other fields. */
  importBodyBytes: number;
  /** Deepest JSON nesting accepted (the contract's deepest request nests 2). */
  maxJsonDepth: number;
  /** All request headers must arrive within this (slowloris). */
  headersTimeoutMs: number;
  /** A small method's body must arrive within this after its headers. */
  smallBodyTimeoutMs: number;
  /** A whole request (headers and body, the largest import included). */
  requestTimeoutMs: number;
  /** Open connections at once; more are closed at once by the server. */
  maxConnections: number;
  /** Progress streams open at once (a window needs one; a reload briefly two). */
  maxProgressStreams: number;
  /** A comment line this often keeps a progress stream open and finds dropped ones (and a ping the API channel). */
  progressHeartbeatMs: number;
  /** Kept API channels (WebSocket at /api/socket) open at once. */
  maxApiSockets: number;
  /** Unanswered calls on one API channel at once. */
  maxCallsInFlight: number;
}

export const DEFAULT_TRANSPORT_LIMITS: TransportLimits = Object.freeze({
  smallBodyBytes: 64 * 1024,
  importBodyBytes: MAX_PACKAGE_BASE64_CHARS + 64 * 1024,
  maxJsonDepth: 8,
  headersTimeoutMs: 10_000,
  smallBodyTimeoutMs: 10_000,
  requestTimeoutMs: 120_000,
  maxConnections: 32,
  maxProgressStreams: 4,
  progressHeartbeatMs: 15_000,
  maxApiSockets: 4,
  maxCallsInFlight: 32,
});

export interface HttpTransportOptions {
  handlers: ApiHandlers;
  /** Built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  /** Fixed start token for tests; random per run otherwise. */
  token?: string;
  limits?: Partial<TransportLimits>;
  /** Long work's progress, streamed to the window at GET /api/progress. */
  progress?: Pick<ProgressHub, 'subscribe'>;
}

export interface RunningTransport {
  /** The start URL: opened once, it trades its token for the session cookie. */
  url: string;
  origin: string;
  token: string;
  limits: TransportLimits;
  close(): Promise<void>;
}

export const SESSION_COOKIE = 'balie_session';

const JSON_TYPE = 'application/json';

function sameSecret(given: string, expected: Buffer): boolean {
  const bytes = Buffer.from(given);
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}

function cookieValue(header: string | undefined, name: string): string {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return '';
}

function isJsonContentType(header: string | undefined): boolean {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() === JSON_TYPE;
}

/**
 * The same API handlers as Electron IPC, over loopback HTTP for the browser (development, demos,
 * end-to-end tests). Only 127.0.0.1; the start URL's random token is single-use and exchanged on
 * the first GET for an HttpOnly SameSite=Strict session cookie, then redirected away, so the
 * token left in the browser's history opens nothing. API calls need that cookie, the right Host
 * (DNS rebinding) and Origin, `application/json`, a body within the method's limit and shallow
 * JSON. Every refusal is a contract failure value the client can read. The quick methods are
 * also served on one kept WebSocket at /api/socket (apiSocket.ts), opened with the same cookie,
 * Host and Origin checks: the desk's keystrokes and scans take it, a fetch each costs Chromium
 * several milliseconds more on loopback.
 */
export async function startHttpTransport(options: HttpTransportOptions): Promise<RunningTransport> {
  const limits: TransportLimits = { ...DEFAULT_TRANSPORT_LIMITS, ...options.limits };
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const sessionBytes = Buffer.from(randomBytes(32).toString('base64url'));
  let tokenSpent = false;
  let origin = '';
  let hosts: string[] = [];
  let origins: string[] = [];
  let progressStreams = 0;

  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks both timeouts on this tick (default 30 s, which would triple headersTimeout).
      connectionsCheckingInterval: Math.max(100, Math.min(1000, limits.headersTimeoutMs / 4)),
    },
    (req, res) => {
      const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
        if (res.headersSent) return;
        res.writeHead(status, {
          'content-type': type,
          'content-length': Buffer.byteLength(body),
          'content-security-policy': APP_CSP,
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
          'cache-control': 'no-store',
        });
        res.end(body);
      };
      const sendJson = (status: number, value: unknown) => send(status, JSON.stringify(value), JSON_TYPE);
      /** Answers, then closes the connection: the rest of a refused body is never read. */
      const refuseBody = (status: number, value: unknown) => {
        res.setHeader('connection', 'close');
        sendJson(status, value);
        res.once('finish', () => req.destroy());
      };

      if (!hosts.includes(req.headers.host ?? '')) {
        send(421, 'Verkeerde host.');
        return;
      }
      const url = new URL(req.url ?? '/', origin);
      const hasSession = sameSecret(cookieValue(req.headers.cookie, SESSION_COOKIE), sessionBytes);

      if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
        const method = url.pathname.slice('/api/'.length);
        if (!hasSession) {
          sendJson(401, unavailable('refused'));
          return;
        }
        const fromOrigin = req.headers.origin;
        if (fromOrigin !== undefined && !origins.includes(fromOrigin)) {
          sendJson(403, unavailable('refused'));
          return;
        }
        if (!isApiMethod(method)) {
          sendJson(404, unavailable('refused'));
          return;
        }
        if (!isJsonContentType(req.headers['content-type'])) {
          refuseBody(415, {
            ok: false,
            error: 'invalid_request',
            issues: ['Content-Type: alleen application/json'],
          });
          return;
        }
        readApiBody(method);
        return;
      }

      if (url.pathname === PROGRESS_STREAM_PATH) {
        streamProgress();
        return;
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(405, 'Methode niet toegestaan.');
        return;
      }
      const given = url.searchParams.get('token');
      if (given !== null) {
        exchangeToken(given, hasSession);
        return;
      }
      const file =
        readStaticFile(options.staticDir, url.pathname) ?? readStaticFile(options.staticDir, '/index.html');
      if (!file) {
        send(404, 'Niet gevonden. Bouw eerst de renderer (npm run build:renderer).');
        return;
      }
      send(200, file.body, file.type);

      /** Same session cookie, Host and Origin checks as the API; each event is one Progress value. */
      function streamProgress(): void {
        if (req.method !== 'GET') return send(405, 'Methode niet toegestaan.');
        if (!hasSession) return sendJson(401, unavailable('refused'));
        const fromOrigin = req.headers.origin;
        if (fromOrigin !== undefined && !origins.includes(fromOrigin))
          return sendJson(403, unavailable('refused'));
        if (!options.progress) return sendJson(404, unavailable('refused'));
        if (progressStreams >= limits.maxProgressStreams) return sendJson(429, unavailable('refused'));
        progressStreams += 1;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'content-security-policy': APP_CSP,
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write('retry: 2000\n\n');
        const unsubscribe = options.progress.subscribe((progress) => {
          res.write(`event: progress\ndata: ${JSON.stringify(progress)}\n\n`);
        });
        const heartbeat = setInterval(() => res.write(': \n\n'), limits.progressHeartbeatMs);
        let ended = false;
        const end = () => {
          if (ended) return;
          ended = true;
          progressStreams -= 1;
          clearInterval(heartbeat);
          unsubscribe();
        };
        res.on('close', end);
        req.on('close', end);
        res.on('error', end);
      }

      function exchangeToken(givenToken: string, alreadyIn: boolean): void {
        url.searchParams.delete('token');
        const clean = url.pathname + (url.search === '?' ? '' : url.search);
        if (!tokenSpent && sameSecret(givenToken, tokenBytes)) {
          tokenSpent = true;
          res.setHeader(
            'set-cookie',
            `${SESSION_COOKIE}=${sessionBytes.toString()}; HttpOnly; SameSite=Strict; Path=/`,
          );
          res.setHeader('location', clean);
          send(303, 'Aangemeld.');
          return;
        }
        if (alreadyIn) {
          // The same browser opening the link again: it is in already, just drop the token.
          res.setHeader('location', clean);
          send(303, 'Al aangemeld.');
          return;
        }
        send(
          403,
          'Deze startlink is al gebruikt of ongeldig: hij werkt maar één keer. Start de server opnieuw (npm run start:web) voor een nieuwe link.',
        );
      }

      function readApiBody(method: ApiMethod): void {
        const maxBytes = method === 'importPackage' ? limits.importBodyBytes : limits.smallBodyBytes;
        const tooLarge =
          method === 'importPackage'
            ? { ok: false, error: 'package_too_large' }
            : { ok: false, error: 'invalid_request', issues: [`body: meer dan ${maxBytes} bytes`] };
        const declared = Number(req.headers['content-length'] ?? '0');
        if (Number.isFinite(declared) && declared > maxBytes) {
          refuseBody(413, tooLarge);
          return;
        }
        const depth = createDepthGuard(limits.maxJsonDepth);
        const chunks: Buffer[] = [];
        let size = 0;
        let refused = false;
        const refuse = (status: number, value: unknown) => {
          refused = true;
          chunks.length = 0;
          if (bodyTimer) clearTimeout(bodyTimer);
          refuseBody(status, value);
        };
        // The import's body is bounded by requestTimeout; a small one must not trickle in.
        const bodyTimer =
          method === 'importPackage'
            ? null
            : setTimeout(() => refuse(408, unavailable('timeout')), limits.smallBodyTimeoutMs);
        req.on('data', (chunk: Buffer) => {
          if (refused) return;
          size += chunk.length;
          if (size > maxBytes) return refuse(413, tooLarge);
          if (!depth.push(chunk))
            return refuse(400, {
              ok: false,
              error: 'invalid_request',
              issues: [`JSON: dieper genest dan ${limits.maxJsonDepth} niveaus`],
            });
          chunks.push(chunk);
        });
        req.on('end', () => {
          if (bodyTimer) clearTimeout(bodyTimer);
          if (refused || res.headersSent) return;
          let args: unknown;
          try {
            args = chunks.length === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            sendJson(400, { ok: false, error: 'invalid_request', issues: ['JSON: onleesbaar'] });
            return;
          }
          chunks.length = 0;
          options.handlers[method](args).then(
            (result) => sendJson(200, result),
            (error: unknown) => {
              // A bug, not user input: say so without leaking details to the page.
              process.stderr.write(`API ${method} failed: ${(error as Error).stack ?? String(error)}\n`);
              sendJson(500, INTERNAL_FAILURE);
            },
          );
        });
      }
    },
  );
  server.maxConnections = limits.maxConnections;

  // The kept API channel: the same checks as POST /api/*, before the upgrade is completed.
  const apiSocket = createApiSocket(options.handlers, limits);
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: number, reason: string) => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () =>
        socket.destroy(),
      );
    };
    socket.on('error', () => socket.destroy());
    if (!hosts.includes(req.headers.host ?? '')) return refuse(421, 'Misdirected Request');
    if (new URL(req.url ?? '/', origin).pathname !== API_SOCKET_PATH) return refuse(404, 'Not Found');
    if (!sameSecret(cookieValue(req.headers.cookie, SESSION_COOKIE), sessionBytes))
      return refuse(401, 'Unauthorized');
    // A browser always sends Origin on a WebSocket: without one it is no page of ours.
    if (!origins.includes(req.headers.origin ?? '')) return refuse(403, 'Forbidden');
    if (!apiSocket.hasRoom()) return refuse(429, 'Too Many Requests');
    apiSocket.accept(req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  origins = [origin, `http://localhost:${port}`];
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    limits,
    close: () =>
      new Promise<void>((resolve) => {
        apiSocket.close();
        server.close(() => resolve());
        // An open browser tab keeps idle keep-alive connections: do not wait for it to go away.
        server.closeAllConnections();
      }),
  };
}
