import type { ApiParsedArgs, SettingsFailure, SettingsView } from '../../../shared/api/contract';
import { fail, ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import type { AdminGrant } from './adminPin';
import { appendAudit } from '../../store/audit/auditLog';
import { DEFAULT_MAX_GROUP_SIZE, maxGroupSize } from './groupSize';
import { pointLastDay } from './pointLastDay';
import { staffList } from './staff';
import { ownDesk, renameDesk } from '../../store/deskNames';
import { getSetting, setSetting } from '../../store/settings';
import type { StoreContext } from '../../store/storeContext';

export const DEFAULT_RETENTION_DAYS = 60;

/** The same shape the API returns to Beheer. */
export type PointSettings = SettingsView;

export function readPointSettings(ctx: StoreContext): PointSettings {
  const retention = Number(getSetting(ctx.db, 'retention_days'));
  return {
    pointId: getSetting(ctx.db, 'point_id'),
    pointName: getSetting(ctx.db, 'point_name'),
    deskId: getSetting(ctx.db, 'desk_id'),
    deskName: ownDesk(ctx.db)?.name ?? null,
    ownLastDay: getSetting(ctx.db, 'last_day'),
    effectiveLastDay: pointLastDay(ctx.db),
    staff: staffList(ctx.db),
    maxGroupSize: maxGroupSize(ctx),
    retentionDays: Number.isInteger(retention) && retention > 0 ? retention : DEFAULT_RETENTION_DAYS,
  };
}

/** A change from Beheer or the CLI, validated at the boundary with the contract's schema. */
export type SettingsChange = Omit<ApiParsedArgs<'changeSettings'>, 'adminPin'>;

/**
 * Admin-only: the point's last day (stop early, never later), staff list, group size, retention,
 * and this desk's name (unique among the point's desks).
 */
export function changePointSettings(
  ctx: StoreContext,
  change: SettingsChange,
  _grant: AdminGrant,
): Result<PointSettings, SettingsFailure> {
  const { db, clock } = ctx;
  const batchesUntil = db.prepare('SELECT max(available_until) FROM batches').pluck().get() as string | null;
  if (change.lastDay && batchesUntil !== null && change.lastDay > batchesUntil) {
    return fail('last_day_after_batches', { lastDay: change.lastDay, batchesUntil });
  }
  const own = ownDesk(db);
  if (change.deskName !== undefined && own === null) return fail('not_initialized');
  const refused = db.transaction(() => {
    const changed: string[] = [];
    if (change.deskName !== undefined && own !== null && change.deskName.trim() !== own.name) {
      // First: a refused name leaves nothing changed.
      const renamed = renameDesk(db, own.deskId, change.deskName);
      if (!renamed.ok) return renamed;
      changed.push('desk_name');
    }
    if (change.lastDay !== undefined) {
      if (change.lastDay === null) db.prepare(`DELETE FROM settings WHERE key = 'last_day'`).run();
      else setSetting(db, 'last_day', change.lastDay);
      changed.push('last_day');
    }
    if (change.staff) {
      setSetting(db, 'staff_list', JSON.stringify([...new Set(change.staff.map((s) => s.trim()))]));
      changed.push('staff_list');
    }
    if (change.maxGroupSize !== undefined) {
      setSetting(db, 'max_group_size', String(change.maxGroupSize));
      changed.push('max_group_size');
    }
    if (change.retentionDays !== undefined) {
      setSetting(db, 'retention_days', String(change.retentionDays));
      changed.push('retention_days');
    }
    appendAudit(db, clock, 'settings', { changed });
    return null;
  })();
  if (refused) return refused;
  return ok(readPointSettings(ctx));
}

export { DEFAULT_MAX_GROUP_SIZE };
