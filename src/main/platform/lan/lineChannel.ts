import type { Duplex } from 'node:stream';

/**
 * One JSON message per line over a TLS socket, bounded: a line longer than `maxLine` or a socket
 * that says nothing for `idleMs` (or the wait given to `next`) ends the exchange. Used by the pairing
 * exchange and the sync protocol.
 */
export interface LineChannel {
  /** The next message, or null when the peer closed, spoke too long a line or fell silent. */
  next(waitMs?: number): Promise<unknown>;
  send(message: unknown): void;
}

export function lineChannel(socket: Duplex, maxLine = 4096, idleMs = 30_000): LineChannel {
  let buffer = '';
  const lines: string[] = [];
  const waiters: Array<(line: string | null) => void> = [];
  let ended = false;
  const finish = (): void => {
    ended = true;
    for (const waiter of waiters.splice(0)) waiter(null);
  };
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      const waiter = waiters.shift();
      if (waiter) waiter(line);
      else lines.push(line);
      newline = buffer.indexOf('\n');
    }
    if (buffer.length > maxLine) {
      socket.destroy();
      finish();
    }
  });
  socket.on('close', finish);
  socket.on('end', finish);
  socket.on('error', finish);
  return {
    next(waitMs) {
      const ready = lines.shift();
      const linePromise =
        ready !== undefined
          ? Promise.resolve<string | null>(ready)
          : ended
            ? Promise.resolve(null)
            : new Promise<string | null>((resolve) => {
                const timer = setTimeout(() => {
                  const at = waiters.indexOf(settle);
                  if (at >= 0) waiters.splice(at, 1);
                  resolve(null);
                }, waitMs ?? idleMs);
                const settle = (line: string | null): void => {
                  clearTimeout(timer);
                  resolve(line);
                };
                waiters.push(settle);
              });
      return linePromise.then((line) => {
        if (line === null) return null;
        try {
          return JSON.parse(line) as unknown;
        } catch {
          return null;
        }
      });
    },
    send(message) {
      if (!ended && !socket.destroyed) socket.write(`${JSON.stringify(message)}\n`);
    },
  };
}
