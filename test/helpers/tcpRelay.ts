import net from 'node:net';

/**
 * A TCP relay on loopback between a desk and its host, for faults the test makes itself: it
 * counts the connections made through it, can drop every open one (a cable pulled, a switch
 * restarted) and can stall (bytes held, as a host that hangs). Real sockets; TLS passes through.
 */
export interface TcpRelay {
  url: string;
  /** Connections opened through the relay so far. */
  readonly connections: number;
  dropAll(): void;
  stall(on: boolean): void;
  close(): Promise<void>;
}

export async function tcpRelay(targetUrl: string): Promise<TcpRelay> {
  const target = new URL(targetUrl);
  const open = new Set<net.Socket>();
  const held: Array<() => void> = [];
  let stalled = false;
  let connections = 0;
  const pipe = (from: net.Socket, to: net.Socket): void => {
    from.on('data', (chunk: Buffer) => {
      const send = () => void (to.destroyed || to.write(chunk));
      if (stalled) held.push(send);
      else send();
    });
    from.on('close', () => to.destroy());
    from.on('error', () => to.destroy());
  };
  const server = net.createServer((client) => {
    connections += 1;
    const upstream = net.connect(Number(target.port), target.hostname);
    open.add(client).add(upstream);
    client.on('close', () => open.delete(client));
    upstream.on('close', () => open.delete(upstream));
    pipe(client, upstream);
    pipe(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    get connections() {
      return connections;
    },
    dropAll() {
      for (const socket of open) socket.destroy();
    },
    stall(on) {
      stalled = on;
      if (!on) for (const send of held.splice(0)) send();
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
