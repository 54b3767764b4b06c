import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { wsFrameReader, wsTextFrame } from './wsFrames';

/**
 * What the proxy does to a request whose path matches:
 * - `error500`: answers 500 with an HTML page, the server never sees the request;
 * - `drop`: closes the connection at once, the server never sees it;
 * - `dropAnswer`: forwards it (the server does the work), then drops the connection instead of
 *   passing the answer back — the hardest case for a hand-out.
 * The same faults hit a call on the page's kept API channel (WebSocket `/api/socket`), matched
 * by `/api/<method>` as over HTTP: `error500` answers that call with status 500, `drop` closes the
 * channel before the server sees it, `dropAnswer` closes it instead of passing the answer back.
 */
export type Fault = 'error500' | 'drop' | 'dropAnswer';

export interface FaultProxy {
  /** The start URL through the proxy. */
  url: string;
  fail(path: RegExp, fault: Fault): void;
  heal(): void;
  /** Requests per path that arrived here, failed or not (calls on the API channel included). */
  seen(path: RegExp): number;
  /** Calls per path that came over the API channel (a subset of `seen`). */
  seenOnChannel(path: RegExp): number;
  /** API channels open through the proxy now. */
  openChannels(): number;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of the real desk server, so the browser meets a failing server
 * over real sockets. It rewrites Host and Origin to the server's own, which the server checks.
 */
export async function startFaultProxy(startUrl: string): Promise<FaultProxy> {
  const upstream = new URL(startUrl);
  let faults: { path: RegExp; fault: Fault }[] = [];
  const log: string[] = [];
  const channelLog: string[] = [];
  const channels = new Set<Duplex>();
  const faultOf = (path: string) => faults.find((f) => f.path.test(path))?.fault;

  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    log.push(path);
    const fault = faults.find((f) => f.path.test(path))?.fault;
    if (fault === 'error500') {
      req.resume();
      res.writeHead(500, { 'content-type': 'text/html', connection: 'close' });
      res.end('<h1>500 Internal Server Error</h1>');
      return;
    }
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    const headers = { ...req.headers, host: upstream.host };
    if (headers.origin) headers.origin = upstream.origin;
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path, headers },
      (answer) => {
        if (fault === 'dropAnswer') {
          answer.resume();
          answer.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
  });
  server.on('upgrade', (req: http.IncomingMessage, browser: Duplex, head: Buffer) => {
    log.push(req.url ?? '/');
    const toServer = net.connect(Number(upstream.port), upstream.hostname);
    const both = [browser, toServer];
    const cut = () => {
      for (const socket of both) socket.destroy();
      channels.delete(browser);
    };
    for (const socket of both) {
      socket.on('error', cut);
      socket.on('close', cut);
    }
    channels.add(browser);
    // The upgrade request as it came, with the server's own Host and Origin (it checks both).
    const lines = [`${req.method} ${req.url} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i] as string;
      const lower = name.toLowerCase();
      const value =
        lower === 'host' ? upstream.host : lower === 'origin' ? upstream.origin : req.rawHeaders[i + 1];
      lines.push(`${name}: ${value}`);
    }
    toServer.write(`${lines.join('\r\n')}\r\n\r\n`);
    const unanswered = new Set<number>();
    const fromBrowser = wsFrameReader();
    const onBrowser = (chunk: Buffer) => {
      for (const frame of fromBrowser.push(chunk)) {
        const call = frame.text === null ? null : (JSON.parse(frame.text) as { id: number; method: string });
        if (call === null) {
          toServer.write(frame.raw);
          continue;
        }
        const path = `/api/${call.method}`;
        log.push(path);
        channelLog.push(path);
        const fault = faultOf(path);
        if (fault === 'drop') return cut();
        if (fault === 'error500') {
          browser.write(wsTextFrame(JSON.stringify({ id: call.id, status: 500, body: null })));
          continue;
        }
        if (fault === 'dropAnswer') unanswered.add(call.id);
        toServer.write(frame.raw);
      }
    };
    if (head.length > 0) onBrowser(head);
    browser.on('data', onBrowser);
    // The server's handshake answer passes as it is; the frames after it are read one by one.
    let handshake: Buffer | null = Buffer.alloc(0);
    const fromServer = wsFrameReader();
    toServer.on('data', (chunk: Buffer) => {
      let rest: Buffer = chunk;
      if (handshake !== null) {
        handshake = Buffer.concat([handshake, chunk]);
        const end = handshake.indexOf('\r\n\r\n');
        if (end < 0) return;
        browser.write(handshake.subarray(0, end + 4));
        rest = handshake.subarray(end + 4);
        handshake = null;
      }
      for (const frame of fromServer.push(rest)) {
        const id = frame.text === null ? null : (JSON.parse(frame.text) as { id: number }).id;
        if (id !== null && unanswered.has(id)) return cut();
        browser.write(frame.raw);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}${upstream.search}`,
    fail: (path, fault) => {
      faults = [...faults.filter((f) => f.path.source !== path.source), { path, fault }];
    },
    heal: () => {
      faults = [];
    },
    seen: (path) => log.filter((p) => path.test(p)).length,
    seenOnChannel: (path) => channelLog.filter((p) => path.test(p)).length,
    openChannels: () => channels.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const channel of [...channels]) channel.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
