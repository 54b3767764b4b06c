import type { SessionInfo } from '../../../shared/api/apiTypes';
import { brusselsDate } from '../../../shared/time/brussels';
import { getSetting } from '../../store/settings';
import type { StoreContext } from '../../store/storeContext';
import { hasAdminPin } from './adminPin';
import { readPointIdentity } from './initPoint';
import { readPointSettings } from './pointSettings';

/** What the shell knows and the store does not: how it was started and by which policy. */
export interface ShellFacts {
  demoMode: boolean;
  demoAdminPin?: string | undefined;
  version: string;
  /** Setting names fixed by the machine policy (read-only in Beheer). */
  lockedByPolicy?: string[] | undefined;
}

/** What the desk needs at start and after every change of shift or settings. */
export function readSession(ctx: StoreContext, shell: ShellFacts): SessionInfo {
  const { db, clock } = ctx;
  const identity = readPointIdentity(db);
  const settings = readPointSettings(ctx);
  const availableFrom = db.prepare('SELECT min(available_from) FROM batches').pluck().get() as string | null;
  const batches = db
    .prepare(
      `SELECT batch_id AS batchId, imported_at AS importedAt, card_rows AS cards, signature FROM batches
       ORDER BY imported_at`,
    )
    .all() as SessionInfo['batches'];
  return {
    point: identity
      ? {
          pointId: identity.pointId,
          pointName: identity.pointName,
          deskId: identity.deskId,
          deskName: identity.deskName,
        }
      : null,
    demoMode: shell.demoMode || getSetting(db, 'demo_mode') === '1',
    demoAdminPin: shell.demoAdminPin ?? null,
    today: brusselsDate(clock.now()),
    availableFrom,
    lastDay: settings.effectiveLastDay,
    staff: settings.staff,
    maxGroupSize: settings.maxGroupSize,
    hasAdminPin: hasAdminPin(ctx),
    batches,
    version: shell.version,
    lockedByPolicy: shell.lockedByPolicy ?? [],
  };
}
