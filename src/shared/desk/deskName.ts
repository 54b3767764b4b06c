import { fail, ok } from '../result';
import type { Failure, Result } from '../result';

/** A desk's name as staff see it on receipts and in "al afgehaald" ("Balie 1", "Groepen"). */
export const DESK_NAME_MAX = 40;

export type DeskNameFailure =
  Failure<'desk_name_invalid', { max: number }> | Failure<'desk_name_taken', { name: string }>;

// Letters, digits, punctuation and spaces: no control, format or unassigned characters.
const PRINTABLE = /^[^\p{C}]+$/u;

/** The name trimmed, when it is 1–40 printable characters; uniqueness is the store's to check. */
export function checkDeskName(raw: string): Result<string, DeskNameFailure> {
  const name = raw.trim().replace(/ {2,}/g, ' ');
  if (name.length === 0 || [...name].length > DESK_NAME_MAX || !PRINTABLE.test(name))
    return fail('desk_name_invalid', { max: DESK_NAME_MAX });
  return ok(name);
}

/**
 * `G<desk number>-<counter>`, the counter four digits wide and wider past 9999 (`G1-0042`,
 * `G3-10000`). The desk's number makes it unique across desks without asking any other desk.
 */
export function formatGroupNo(deskNumber: number, counter: number): string {
  return `G${deskNumber}-${String(counter).padStart(4, '0')}`;
}
