import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does to a request whose path matches:
 * - `error500`: answers 500 with an HTML page, the server never sees the request;
 * - `drop`: closes the connection at once, the server never sees it;
 * - `dropAnswer`: forwards it (the server does the work), then drops the connection instead of
 *   passing the answer back — the hardest case for a hand-out.
 */
export type Fault = 'error500' | 'drop' | 'dropAnswer';

export interface FaultProxy {
  /** The start URL through the proxy. */
  url: string;
  fail(path: RegExp, fault: Fault): void;
  heal(): void;
  /** Requests per path that arrived here, failed or not. */
  seen(path: RegExp): number;
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
