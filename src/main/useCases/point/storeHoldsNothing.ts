import type { Database } from 'better-sqlite3';

/** What a store must not hold for the shell to replace it by a copy of a host's point. */
const HOLDINGS = ['batches', 'cards', 'desk_events', 'pickup_groups', 'point_peers', 'reports'] as const;
const ANY_HOLDING = `SELECT ${HOLDINGS.map((table) => `EXISTS (SELECT 1 FROM ${table})`).join(' OR ')}`;

/**
 * True when this store holds nothing a join could lose: no batch imported, no card, no event, no
 * group, no report, never paired (a revoked or unpaired peer counts too). Settings, the admin PIN,
 * the staff list and the audit log of its own set-up do not count: the host's replace them.
 * One statement (about 15 µs): the header's poll asks every 2 s.
 */
export function storeHoldsNothing(db: Database): boolean {
  return db.prepare(ANY_HOLDING).pluck().get() === 0;
}
