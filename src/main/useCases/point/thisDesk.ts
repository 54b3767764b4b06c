import type { Database } from 'better-sqlite3';
import { ownDesk } from '../../store/deskNames';
import { getSetting } from '../../store/settings';

/** This desk as it introduces itself to the others (hello). */
export interface ThisDesk {
  deskId: string;
  name: string;
  fingerprint: string;
  url: string | null;
}

/** This desk as its store knows it now: its id, its name and where its sync service last listened. */
export function thisDeskOf(db: Database, fingerprint: string): ThisDesk {
  const deskId = getSetting(db, 'desk_id') ?? 'desk-unknown';
  return { deskId, name: ownDesk(db)?.name ?? deskId, fingerprint, url: getSetting(db, 'sync_url') };
}
