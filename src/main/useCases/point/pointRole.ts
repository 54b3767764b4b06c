import type { Database } from 'better-sqlite3';
import { getSetting } from '../../store/settings';
import { hostPeer } from '../../store/sync/pointPeers';

export type PointRole = 'host' | 'desk';

/** A desk alone is its own host; a desk that joined another one's point is a 'desk'. */
export function pointRole(db: Database): PointRole {
  return getSetting(db, 'point_role') === 'desk' ? 'desk' : 'host';
}

/** The host's name, for "do this on the host (…)" refusals on another desk; null on the host. */
export function hostNameIfNotHost(db: Database): string | null {
  if (pointRole(db) === 'host') return null;
  return hostPeer(db)?.name ?? '?';
}
