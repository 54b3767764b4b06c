import type { Database } from 'better-sqlite3';
import { SYNC_PAGE_CARDS } from '../../../shared/point/syncMessages';
import type { SettingKey } from '../settings';

type Row = Record<string, string | number | null>;

/**
 * The point's settings every desk shares with the host (identity, deadline, staff, the admin
 * PIN's hash). Desk-local ones (desk id, role, when this store was made) stay out.
 */
export const SHARED_SETTINGS: readonly SettingKey[] = [
  'point_id',
  'point_name',
  'issuer_public_key',
  'last_day',
  'max_group_size',
  'retention_days',
  'staff_list',
  'admin_pin',
  'purged_at',
];

export function readSharedSettings(db: Database): Record<string, string> {
  const get = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const out: Record<string, string> = {};
  for (const key of SHARED_SETTINGS) {
    const value = get.get(key) as string | undefined;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Writes the host's shared settings; returns how many changed. Unknown keys are ignored. */
export function applySharedSettings(db: Database, settings: Record<string, string>): number {
  const current = readSharedSettings(db);
  const put = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  let changed = 0;
  for (const key of SHARED_SETTINGS) {
    const value = settings[key];
    if (value !== undefined && current[key] !== value) {
      put.run(key, value);
      changed += 1;
    }
  }
  return changed;
}

export function batchIds(db: Database): string[] {
  return db.prepare('SELECT batch_id FROM batches ORDER BY imported_at, batch_id').pluck().all() as string[];
}

export function readBatchesExcept(db: Database, have: readonly string[]): Row[] {
  const known = new Set(have);
  const rows = db.prepare('SELECT * FROM batches ORDER BY imported_at, batch_id').all() as Row[];
  return rows.filter((r) => !known.has(String(r.batch_id)));
}

export function readPointsDirectory(db: Database): Row[] {
  return db.prepare('SELECT * FROM points ORDER BY point_id').all() as Row[];
}

const CARD_COLUMNS = [
  'card',
  'stamboeknummer',
  'voornaam',
  'achternaam',
  'postcode',
  'gemeente',
  'school',
  'issuer_status',
  'replaced_by',
  'first_batch_id',
  'last_batch_id',
  'search_text',
  // The folded name the search index reads (its words follow by trigger on every desk).
  'name_key',
] as const;

/** Cards whose newest batch is `batchId`, in card order after `afterCard`: one page. */
export function readCardsPage(
  db: Database,
  batchId: string,
  afterCard: string,
): { cards: Row[]; more: boolean } {
  const rows = db
    .prepare(
      `SELECT ${CARD_COLUMNS.join(', ')} FROM cards WHERE last_batch_id = ? AND card > ? ORDER BY card LIMIT ?`,
    )
    .all(batchId, afterCard, SYNC_PAGE_CARDS + 1) as Row[];
  const more = rows.length > SYNC_PAGE_CARDS;
  return { cards: more ? rows.slice(0, SYNC_PAGE_CARDS) : rows, more };
}

const BATCH_COLUMNS = [
  'batch_id',
  'point_id',
  'point_name',
  'card_year',
  'issued_at',
  'available_from',
  'available_until',
  'package_sha256',
  'signature',
  'imported_at',
  'card_rows',
  'summary',
] as const;
const POINT_COLUMNS = ['point_id', 'naam', 'adres', 'postcodes', 'openingsuren', 'tot', 'batch_id'] as const;

function values(row: Row, columns: readonly string[]): Array<string | number | null> {
  return columns.map((c) => {
    const v = row[c];
    if (v === undefined) throw new Error(`missing column ${c}`);
    return v;
  });
}

/**
 * Writes batches that came from the host, with all their cards, in the caller's transaction
 * (foreign keys deferred: a card may be replaced by one that comes later in the transfer).
 * The host imported and verified the signed package; the desk trusts the pinned host, not the bytes.
 */
export function applyBatches(
  db: Database,
  batches: readonly Row[],
  cards: readonly Row[],
  points: readonly Row[],
): void {
  db.pragma('defer_foreign_keys = ON');
  const insertBatch = db.prepare(
    `INSERT OR IGNORE INTO batches (${BATCH_COLUMNS.join(', ')}) VALUES (${BATCH_COLUMNS.map(() => '?').join(', ')})`,
  );
  for (const b of batches) insertBatch.run(...values(b, BATCH_COLUMNS));
  const upsertCard = db.prepare(
    `INSERT INTO cards (${CARD_COLUMNS.join(', ')}) VALUES (${CARD_COLUMNS.map(() => '?').join(', ')})
     ON CONFLICT(card) DO UPDATE SET ${CARD_COLUMNS.filter((c) => c !== 'card' && c !== 'first_batch_id')
       .map((c) => `${c} = excluded.${c}`)
       .join(', ')}`,
  );
  for (const c of cards) upsertCard.run(...values(c, CARD_COLUMNS));
  if (points.length > 0) {
    db.prepare('DELETE FROM points').run();
    const insertPoint = db.prepare(
      `INSERT INTO points (${POINT_COLUMNS.join(', ')}) VALUES (${POINT_COLUMNS.map(() => '?').join(', ')})`,
    );
    for (const p of points) insertPoint.run(...values(p, POINT_COLUMNS));
  }
}
