/**
 * DSSE pre-authentication encoding (DSSE v1 protocol):
 * `"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, LEN = byte length in ASCII decimal.
 * The signature covers these bytes, never the base64 text of the envelope.
 */
export function dssePae(payloadType: string, payload: Uint8Array): Uint8Array {
  const encoder = new TextEncoder();
  const type = encoder.encode(payloadType);
  const head = encoder.encode(`DSSEv1 ${type.length} `);
  const middle = encoder.encode(` ${payload.length} `);
  const out = new Uint8Array(head.length + type.length + middle.length + payload.length);
  let at = 0;
  for (const part of [head, type, middle, payload]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
