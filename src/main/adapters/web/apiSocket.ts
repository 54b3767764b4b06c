import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import type { ApiHandlers } from '../../../shared/api/contract';
import { apiContract, isApiMethod } from '../../../shared/api/contract';
import { INTERNAL_FAILURE, unavailable } from '../../../shared/api/transportFailure';
import { createDepthGuard } from './jsonDepth';

/** The kept API channel of the web transport (WebSocket, same origin). */
export const API_SOCKET_PATH = '/api/socket';

/** Largest call id the client may use (it counts up from 1; a page lives far shorter). */
const MAX_CALL_ID = 2 ** 31 - 1;

export interface ApiSocketLimits {
  /** One message: the same limit as a small method's HTTP body. */
  smallBodyBytes: number;
  maxJsonDepth: number;
  /** Channels open at once (a window needs one; a reload briefly two). */
  maxApiSockets: number;
  /** Calls one channel may have unanswered at once; more are refused. */
  maxCallsInFlight: number;
  /** A ping this often; a channel that has not answered the previous one is dropped. */
  progressHeartbeatMs: number;
}

/**
 * One reply: the HTTP transport's status and body for the same call, so the client reads it with
 * the same readHttpReply and both channels fail in the same shapes.
 */
export interface SocketReply {
  id: number;
  status: number;
  body: unknown;
}

/**
 * The quick methods of the contract over one kept WebSocket: a call is `{id, method, args}`, its
 * answer `{id, status, body}`. A fetch per keystroke costs Chromium a URL loader, cookie and CORS
 * work and two trips through its network service; a message on an open channel costs one. The
 * checks are those of POST /api/*: the caller (httpTransport) accepts the upgrade only with the
 * session cookie, the right Host and an allowed Origin (required here: every browser sends one
 * on a WebSocket, so a missing Origin is not a browser); here each message is held to the small
 * body limit (ws refuses a larger frame before buffering it), shallow JSON and a known method.
 * Long methods (import, report, backup) stay on HTTP, which streams their large bodies.
 */
export function createApiSocket(handlers: ApiHandlers, limits: ApiSocketLimits) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.smallBodyBytes,
    perMessageDeflate: false,
    clientTracking: true,
  });
  const alive = new WeakMap<WebSocket, boolean>();
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, limits.progressHeartbeatMs);
  heartbeat.unref();

  function settle(method: string, work: Promise<unknown>): Promise<{ status: number; body: unknown }> {
    return work.then(
      (result) => ({ status: 200, body: result }),
      (error: unknown) => {
        // A bug, not user input: say so without leaking details to the page.
        process.stderr.write(`API ${method} failed: ${(error as Error).stack ?? String(error)}\n`);
        return { status: 500, body: INTERNAL_FAILURE };
      },
    );
  }

  function serve(ws: WebSocket): void {
    let inFlight = 0;
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    ws.on('error', () => ws.terminate());
    const reply = (answer: SocketReply) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(answer));
    };
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      // 1003: this channel only speaks JSON text; 1008: a message it cannot even address a reply to.
      if (isBinary) return ws.close(1003, 'text only');
      if (!createDepthGuard(limits.maxJsonDepth).push(bytes)) return ws.close(1008, 'too deep');
      let call: unknown;
      try {
        call = JSON.parse(bytes.toString('utf8'));
      } catch {
        return ws.close(1008, 'not JSON');
      }
      const { id, method, args } = (call ?? {}) as { id?: unknown; method?: unknown; args?: unknown };
      if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > MAX_CALL_ID)
        return ws.close(1008, 'no call id');
      if (typeof method !== 'string' || !isApiMethod(method) || apiContract[method].long !== false)
        return reply({ id, status: 404, body: unavailable('refused') });
      if (inFlight >= limits.maxCallsInFlight)
        return reply({ id, status: 429, body: unavailable('refused') });
      inFlight += 1;
      void settle(method, handlers[method](args ?? {})).then((answer) => {
        inFlight -= 1;
        reply({ id, ...answer });
      });
    });
  }

  return {
    /** Whether another channel may open now. */
    hasRoom: () => wss.clients.size < limits.maxApiSockets,
    /** Completes the upgrade of a request the transport has checked. */
    accept(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
    },
    close(): void {
      clearInterval(heartbeat);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
