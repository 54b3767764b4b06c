import type { IncomingMessage } from 'node:http';

/**
 * Reads a server-sent-event stream as it arrives: each complete event (a block ending in a blank
 * line) is handed over with its `event:` name and its `data:` line.
 */
export function onSseEvents(
  res: IncomingMessage,
  handle: (event: { name: string | null; data: string }) => void,
): void {
  let buffer = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buffer += chunk;
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const lines = buffer.slice(0, cut).split('\n');
      buffer = buffer.slice(cut + 2);
      const data = lines.find((l) => l.startsWith('data: '));
      const name = lines.find((l) => l.startsWith('event: '));
      if (data) handle({ name: name ? name.slice(7) : null, data: data.slice(6) });
    }
  });
}
