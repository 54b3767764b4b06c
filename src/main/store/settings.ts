import type { Database } from 'better-sqlite3';

/** Keys of the settings table; one place so a typo is a compile error. */
export type SettingKey =
  | 'point_id'
  | 'point_name'
  | 'issuer_public_key'
  | 'desk_id'
  /** 'host' (the default: a desk alone is its own host) or 'desk' (joined another desk's point). */
  | 'point_role'
  /** When personal data was last purged here; from the host, an order to every desk to purge too. */
  | 'purged_at'
  /** How many handovers and take-overs this point has seen; the host with the highest is the host. */
  | 'host_epoch'
  /** Where this desk's sync service listens (`https://HOST:PORT`), told to the other desks. */
  | 'sync_url'
  | 'initialized_at'
  | 'last_day'
  | 'max_group_size'
  | 'retention_days'
  | 'staff_list'
  | 'admin_pin'
  | 'admin_pin_lockout'
  | 'demo_mode';

export function getSetting(db: Database, key: SettingKey): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

export function setSetting(db: Database, key: SettingKey, value: string): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
