import type { Database } from 'better-sqlite3';

/**
 * The card year this store belongs to: the year declared by the latest rollover
 * (`balie new-year`, audited as `new_year`), else the newest card year of its batches,
 * else null (a fresh store takes the year of its first package).
 */
export function storeCardYear(db: Database): number | null {
  const rollover = db
    .prepare(`SELECT details FROM audit_log WHERE action = 'new_year' ORDER BY seq DESC LIMIT 1`)
    .pluck()
    .get() as string | undefined;
  if (rollover !== undefined) {
    const year = (JSON.parse(rollover) as { cardYear?: unknown }).cardYear;
    if (typeof year === 'number' && Number.isInteger(year)) return year;
  }
  return (db.prepare('SELECT max(card_year) FROM batches').pluck().get() as number | null) ?? null;
}
