/**
 * Just enough of RFC 6455 for the fault proxy to read the API channel's messages as they pass:
 * whole frames out of a byte stream (masked from the browser, plain from the server), the text of
 * a final text frame, and a plain text frame to send to the browser. Fragmented messages are
 * passed on unread (neither side of the API channel sends them).
 */
export interface WsFrame {
  /** The frame's bytes exactly as they came, to pass on unchanged. */
  raw: Buffer;
  /** The message text of an unfragmented text frame, else null. */
  text: string | null;
}

/** Splits a stream into frames; `push` returns the frames completed by this chunk. */
export function wsFrameReader(): { push(chunk: Buffer): WsFrame[] } {
  let buffer = Buffer.alloc(0);
  return {
    push(chunk) {
      buffer = Buffer.concat([buffer, chunk]);
      const frames: WsFrame[] = [];
      for (;;) {
        if (buffer.length < 2) break;
        const first = buffer[0] as number;
        const second = buffer[1] as number;
        let length = second & 0x7f;
        let offset = 2;
        if (length === 126) {
          if (buffer.length < 4) break;
          length = buffer.readUInt16BE(2);
          offset = 4;
        } else if (length === 127) {
          if (buffer.length < 10) break;
          length = Number(buffer.readBigUInt64BE(2));
          offset = 10;
        }
        const masked = (second & 0x80) !== 0;
        const maskAt = offset;
        if (masked) offset += 4;
        if (buffer.length < offset + length) break;
        const raw = buffer.subarray(0, offset + length);
        const payload = Buffer.from(raw.subarray(offset));
        if (masked) for (let i = 0; i < payload.length; i += 1) payload[i]! ^= raw[maskAt + (i % 4)]!;
        const finalText = (first & 0x80) !== 0 && (first & 0x0f) === 1;
        frames.push({ raw: Buffer.from(raw), text: finalText ? payload.toString('utf8') : null });
        buffer = buffer.subarray(offset + length);
      }
      return frames;
    },
  };
}

/** One unmasked, final text frame (server to browser). */
export function wsTextFrame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const header =
    payload.length < 126
      ? Buffer.from([0x81, payload.length])
      : payload.length < 65536
        ? Buffer.from([0x81, 126, payload.length >> 8, payload.length & 0xff])
        : (() => {
            const h = Buffer.alloc(10);
            h[0] = 0x81;
            h[1] = 127;
            h.writeBigUInt64BE(BigInt(payload.length), 2);
            return h;
          })();
  return Buffer.concat([header, payload]);
}
