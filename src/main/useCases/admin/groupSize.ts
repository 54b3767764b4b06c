import { getSetting } from '../../store/settings';
import type { StoreContext } from '../../store/storeContext';

/** How many cards one group collection may take: a point setting, read by the desk, set in Beheer. */
export const DEFAULT_MAX_GROUP_SIZE = 50;

export function maxGroupSize(ctx: StoreContext): number {
  const raw = getSetting(ctx.db, 'max_group_size');
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_GROUP_SIZE;
}
