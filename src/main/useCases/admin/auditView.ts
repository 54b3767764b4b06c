import type { Database } from 'better-sqlite3';
import type { AuditView } from '../../../shared/api/apiTypes';
import { readAudit, verifyAudit } from '../../store/audit/auditLog';
import type { AuditEntry } from '../../store/audit/auditLog';
import { deskNameJoin } from '../../store/deskNames';
import type { StoreContext } from '../../store/storeContext';
import type { AdminGrant } from './adminPin';

/** Beheer's audit page: the newest entries, the desk of each desk action, and whether the hash chain still holds. */
export function readAuditView(
  ctx: StoreContext,
  input: { limit?: number | undefined },
  _grant: AdminGrant,
): AuditView {
  const verdict = verifyAudit(ctx.db);
  const deskOf = deskOfEntry(ctx.db);
  return {
    entries: readAudit(ctx.db, { limit: input.limit ?? 200 }).map((entry) => ({
      seq: entry.seq,
      at: entry.at,
      action: entry.action,
      details: entry.details,
      ...deskOf(entry),
    })),
    verdict: verdict.ok ? verdict : { ok: false, atSeq: verdict.atSeq, reason: verdict.reason },
  };
}

type EntryDesk = { deskId: string | null; deskName: string | null };

/**
 * A hand-out, void or group entry names its event or group; the desk that wrote it comes from
 * there (several desks may have shared one store). Other entries are no desk action: both null.
 */
function deskOfEntry(db: Database): (entry: AuditEntry) => EntryDesk {
  const byEvent = db.prepare(
    `SELECT e.desk_id AS deskId, d.name AS deskName FROM desk_events e ${deskNameJoin('d', 'e.desk_id')}
     WHERE e.event_id = ?`,
  );
  const byGroup = db.prepare(
    `SELECT g.desk_id AS deskId, d.name AS deskName FROM pickup_groups g ${deskNameJoin('d', 'g.desk_id')}
     WHERE g.group_id = ?`,
  );
  const none: EntryDesk = { deskId: null, deskName: null };
  return (entry) => {
    const ref = referenceOf(entry);
    if (ref === null) return none;
    const row = (ref.kind === 'event' ? byEvent : byGroup).get(ref.id) as EntryDesk | undefined;
    return row ?? none;
  };
}

function referenceOf(entry: AuditEntry): { kind: 'event' | 'group'; id: string } | null {
  if (entry.action !== 'handout' && entry.action !== 'void' && entry.action !== 'group') return null;
  let details: unknown;
  try {
    details = JSON.parse(entry.details);
  } catch {
    return null;
  }
  if (details === null || typeof details !== 'object') return null;
  const id = (details as Record<string, unknown>)[entry.action === 'group' ? 'groupId' : 'eventId'];
  return typeof id === 'string' ? { kind: entry.action === 'group' ? 'group' : 'event', id } : null;
}
