/** An audit entry's details (JSON of ids and counts) as one short line: `batchId=…, added=60`. */
export function compactDetails(details: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(details);
  } catch {
    return details;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return JSON.stringify(parsed);
  return Object.entries(parsed as Record<string, unknown>)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : formatValue(value)}`)
    .join(', ');
}

function formatValue(value: unknown): string {
  if (value === null) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  // Hashes are for machines: the first 12 hex digits are enough to recognise one.
  return /^[0-9a-f]{40,}$/.test(text) ? `${text.slice(0, 12)}…` : text;
}
