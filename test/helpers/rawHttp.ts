import net from 'node:net';

/** What came back on one raw socket: the bytes, and whether the server closed it. */
export interface RawAnswer {
  text: string;
  status: number | null;
  closed: boolean;
}

export function statusOf(text: string): number | null {
  const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
  return match?.[1] ? Number(match[1]) : null;
}

export function jsonBodyOf(text: string): unknown {
  const at = text.indexOf('\r\n\r\n');
  return JSON.parse(text.slice(at + 4));
}

/**
 * A raw TCP client, no HTTP library in between: writes `parts` (strings or pauses in ms) in
 * order and collects everything until the server closes, or `waitMs` passes (bounded, generous).
 */
export function rawExchange(port: number, parts: (string | number)[], waitMs = 15_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, status: statusOf(text), closed });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
    });
    socket.on('close', () => finish(true));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset after the answer is how a refused body ends; before any answer it is a failure.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') finish(true);
      else if (!done) reject(error);
    });
    socket.on('connect', async () => {
      for (const part of parts) {
        if (done) return;
        if (typeof part === 'number') await new Promise((r) => setTimeout(r, part));
        else socket.write(part);
      }
    });
  });
}

/** A complete POST as a browser would send it, with the session cookie. */
export function rawPost(
  port: number,
  method: string,
  body: string,
  headers: Record<string, string> = {},
): string {
  const all: Record<string, string> = {
    host: `127.0.0.1:${port}`,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
    ...headers,
  };
  const lines = Object.entries(all).map(([k, v]) => `${k}: ${v}`);
  return `POST /api/${method} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}
