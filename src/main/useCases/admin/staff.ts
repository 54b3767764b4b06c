import type { Database } from 'better-sqlite3';
import { getSetting } from '../../store/settings';

/** The point's staff list (names staff pick at shift start); empty means any name is accepted. */
export function staffList(db: Database): string[] {
  const raw = getSetting(db, 'staff_list');
  if (raw === null) return [];
  const parsed = JSON.parse(raw) as unknown;
  return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
}

export type StaffCheck = { ok: true; staff: string } | { ok: false; error: 'unknown_staff'; staff: string };

export function checkStaff(db: Database, staff: string): StaffCheck {
  const name = staff.trim();
  const list = staffList(db);
  if (name === '' || (list.length > 0 && !list.includes(name)))
    return { ok: false, error: 'unknown_staff', staff: name };
  return { ok: true, staff: name };
}
