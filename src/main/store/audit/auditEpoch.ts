import type { Database } from 'better-sqlite3';
import type { Clock } from '../../../shared/time/clock';
import type { AuditEpochReason } from '../../../shared/report/reportPayload';
import { appendAudit, type AuditDetails } from './auditLog';

export type { AuditEpochReason } from '../../../shared/report/reportPayload';

/**
 * Audit epochs. Within one epoch the log only grows, so the `seq` a report carries never goes
 * back along a point's chain. A restore (the log goes back to the backup's), a host handover (the
 * log continues on another PC) or a year rollover starts a new epoch: an `epoch_started` entry
 * with its number and reason, which the next report declares to the issuer.
 * Entries before the first `epoch_started` are epoch 1.
 */
export interface AuditEpochStart {
  epoch: number;
  reason: AuditEpochReason;
  /** seq of the `epoch_started` entry. */
  seq: number;
  at: string;
}

export interface AuditHead {
  epoch: number;
  seq: number;
  /** Hash of the entry at `seq`. */
  head: string;
}

interface Row {
  seq: number;
  at: string;
  details: string;
}

function parseStart(row: Row): AuditEpochStart | null {
  try {
    const d = JSON.parse(row.details) as { epoch?: unknown; reason?: unknown };
    if (typeof d.epoch !== 'number' || !Number.isInteger(d.epoch)) return null;
    if (d.reason !== 'restore' && d.reason !== 'new_year' && d.reason !== 'host_handover') return null;
    return { epoch: d.epoch, reason: d.reason, seq: row.seq, at: row.at };
  } catch {
    return null;
  }
}

/** Every epoch start in the log, oldest first (a damaged one is skipped: verifyAudit reports it). */
export function auditEpochStarts(db: Database): AuditEpochStart[] {
  const rows = db
    .prepare(`SELECT seq, at, details FROM audit_log WHERE action = 'epoch_started' ORDER BY seq`)
    .all() as Row[];
  return rows.map(parseStart).filter((s): s is AuditEpochStart => s !== null);
}

/** The epoch start the log is in now, or null while still in epoch 1. */
export function currentEpochStart(db: Database): AuditEpochStart | null {
  const row = db
    .prepare(
      `SELECT seq, at, details FROM audit_log WHERE action = 'epoch_started' ORDER BY seq DESC LIMIT 1`,
    )
    .get() as Row | undefined;
  return row ? parseStart(row) : null;
}

export function currentAuditEpoch(db: Database): number {
  return currentEpochStart(db)?.epoch ?? 1;
}

/** The last entry of the log, as a report carries it. */
export function auditHead(db: Database): AuditHead {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  return { epoch: currentAuditEpoch(db), seq: last?.seq ?? 0, head: last?.hash ?? '0'.repeat(64) };
}

/**
 * Starts a new epoch, inside the caller's transaction. Its number is above every epoch this
 * store knows, in its log and in the reports it signed (after a restore the carried reports may
 * name epochs the restored log never saw), so epochs never repeat along the point's chain.
 */
export function startAuditEpoch(
  db: Database,
  clock: Clock,
  reason: AuditEpochReason,
  details: AuditDetails = {},
): number {
  const inReports = (db.prepare('SELECT max(audit_epoch) FROM reports').pluck().get() as number | null) ?? 1;
  const epoch = Math.max(currentAuditEpoch(db), inReports) + 1;
  appendAudit(db, clock, 'epoch_started', { ...details, epoch, reason });
  return epoch;
}

/** A host handover (several desks: another PC takes over as host) starts a new epoch. */
export function startHandoverEpoch(
  db: Database,
  clock: Clock,
  details: { fromHost: string; toHost: string },
): number {
  return db.transaction(() => startAuditEpoch(db, clock, 'host_handover', details)).immediate();
}
