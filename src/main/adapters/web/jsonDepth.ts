const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/**
 * Tracks how deeply a JSON text nests while its bytes arrive, so a body like `[[[[…` is refused
 * before JSON.parse (recursive) ever sees it. Brackets inside strings do not count; the string
 * scan jumps from quote to quote natively, so a 300 MiB base64 string costs little.
 * `push` answers false as soon as the depth passes `maxDepth`.
 */
export function createDepthGuard(maxDepth: number): { push(chunk: Uint8Array): boolean } {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let over = false;
  return {
    push(chunk) {
      if (over) return false;
      let i = 0;
      // The next backslash at or after i (-1: none left in this chunk), found once, not per string.
      let slash = -2;
      while (i < chunk.length) {
        if (inString) {
          if (escaped) {
            escaped = false;
            i += 1;
            continue;
          }
          const quote = chunk.indexOf(QUOTE, i);
          if (slash !== -1 && slash < i) slash = chunk.indexOf(BACKSLASH, i);
          if (slash !== -1 && (quote === -1 || slash < quote)) {
            escaped = true;
            i = slash + 1;
          } else if (quote !== -1) {
            inString = false;
            i = quote + 1;
          } else {
            i = chunk.length;
          }
          continue;
        }
        const byte = chunk[i];
        if (byte === QUOTE) inString = true;
        else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
          depth += 1;
          if (depth > maxDepth) {
            over = true;
            return false;
          }
        } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) depth -= 1;
        i += 1;
      }
      return true;
    },
  };
}
