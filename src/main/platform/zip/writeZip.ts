import { zipSync } from 'fflate';

/**
 * Fixed timestamp so the same entries always give the same bytes (reproducible test packages).
 * ZIP stores local wall-clock time and fflate reads the local fields, so the date is built from
 * local fields too: the bytes are then the same in every time zone.
 */
function fixedMtime(): Date {
  return new Date(2026, 0, 1, 12, 0, 0);
}

/** Writes a flat ZIP (deflate, level 6) with the entries in the given key order. */
export function writeZip(entries: Record<string, Uint8Array>): Uint8Array {
  // No prototype: an entry called `__proto__` (tests build hostile archives) stays a plain key.
  const input: Record<string, [Uint8Array, { level: 6; mtime: Date }]> = Object.create(null);
  for (const [name, data] of Object.entries(entries)) input[name] = [data, { level: 6, mtime: fixedMtime() }];
  return zipSync(input);
}
