import type { Database } from 'better-sqlite3';
import { getSetting } from '../../store/settings';

/**
 * The point's last day of distribution: its own setting when set (a point may stop early),
 * never later than the latest day any of its batches allows.
 */
export function pointLastDay(db: Database): string | null {
  const own = getSetting(db, 'last_day');
  const batchLast = (
    db.prepare('SELECT max(available_until) AS d FROM batches').get() as { d: string | null }
  ).d;
  if (own === null) return batchLast;
  if (batchLast === null) return own;
  return own < batchLast ? own : batchLast;
}
