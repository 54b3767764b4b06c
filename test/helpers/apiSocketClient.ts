import WebSocket from 'ws';
import type { RunningTransport } from '../../src/main/adapters/web/httpTransport';

/** How an upgrade to the API channel ended: open, or refused with an HTTP status. */
export type SocketOpening = { open: WebSocket } | { refused: number };

/**
 * Opens the transport's API channel as a browser would (the page's Origin and the session
 * cookie), or with the headers given instead.
 */
export function openApiSocket(
  t: RunningTransport,
  cookie: string,
  headers: Record<string, string> = { origin: t.origin },
  path = '/api/socket',
): Promise<SocketOpening> {
  const ws = new WebSocket(`${t.origin.replace('http:', 'ws:')}${path}`, {
    headers: { cookie, ...headers },
  });
  return new Promise((resolve) => {
    ws.once('open', () => resolve({ open: ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ refused: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once('error', () => resolve({ refused: 0 }));
  });
}

/** One raw message out, the next one back (or how the channel closed). */
export function exchange(
  ws: WebSocket,
  message: string | Buffer,
  binary = false,
): Promise<{ reply: unknown } | { closed: number }> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve({ reply: JSON.parse(String(data)) as unknown }));
    ws.once('close', (code) => resolve({ closed: code }));
    ws.send(message, { binary });
  });
}
