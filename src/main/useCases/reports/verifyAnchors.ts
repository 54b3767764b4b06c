import type { Database } from 'better-sqlite3';
import { auditEpochStarts } from '../../store/audit/auditEpoch';

/**
 * Checks the audit log against the heads carried by the reports this point signed. Those heads
 * left the machine, signed: a log rewritten afterwards — triggers dropped, entries edited or
 * removed, the hash chain recomputed so verifyAudit passes — no longer has them.
 *
 * A head (epoch e, seq s, hash h) must be the entry at seq s, in epoch e, with hash h. The one
 * exception is a report carried over by a restore: the restored log went back to the backup, so
 * the head may lie beyond it (or in a later epoch there); such heads are counted, not checked.
 */
export type AnchorVerdict =
  | { ok: true; checked: number; beforeRestore: number }
  | {
      ok: false;
      error: 'audit_rewritten';
      reportSequence: number;
      auditSeq: number;
      reason: 'hash' | 'missing' | 'epoch';
    };

interface ReportHead {
  sequence: number;
  epoch: number;
  seq: number;
  head: string;
  carried: number;
}

export function verifyAuditAnchors(db: Database): AnchorVerdict {
  const heads = db
    .prepare(
      `SELECT sequence, audit_epoch AS epoch, audit_seq AS seq, audit_head AS head, carried_by_restore AS carried
       FROM reports WHERE audit_head IS NOT NULL ORDER BY sequence`,
    )
    .all() as ReportHead[];
  const starts = auditEpochStarts(db);
  const epochAt = (seq: number): number => {
    let epoch = 1;
    for (const s of starts) if (s.seq <= seq) epoch = s.epoch;
    return epoch;
  };
  const hashAt = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck();
  let checked = 0;
  let beforeRestore = 0;
  for (const r of heads) {
    const hash = hashAt.get(r.seq) as string | undefined;
    const sameEpoch = hash !== undefined && epochAt(r.seq) === r.epoch;
    if (!sameEpoch && r.carried === 1) {
      beforeRestore += 1;
      continue;
    }
    if (hash === undefined)
      return {
        ok: false,
        error: 'audit_rewritten',
        reportSequence: r.sequence,
        auditSeq: r.seq,
        reason: 'missing',
      };
    if (!sameEpoch)
      return {
        ok: false,
        error: 'audit_rewritten',
        reportSequence: r.sequence,
        auditSeq: r.seq,
        reason: 'epoch',
      };
    if (hash !== r.head)
      return {
        ok: false,
        error: 'audit_rewritten',
        reportSequence: r.sequence,
        auditSeq: r.seq,
        reason: 'hash',
      };
    checked += 1;
  }
  return { ok: true, checked, beforeRestore };
}
