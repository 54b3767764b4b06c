import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { Clock } from '../../../shared/time/clock';
import { brusselsIso } from '../../../shared/time/brussels';

/**
 * What an audit entry may hold: ids, card numbers and counts only. Names and stamboeknummers
 * are never written here (the type keeps them out: only these value types are allowed).
 */
export type AuditDetails = Record<string, string | number | boolean | null | readonly string[]>;

export type AuditAction =
  | 'init'
  | 'import'
  | 'import_unsigned_override'
  | 'handout'
  | 'group'
  | 'void'
  | 'leftovers_returned'
  | 'settings'
  | 'purge'
  | 'backup'
  | 'restore'
  | 'report'
  | 'key_created'
  | 'key_rotated'
  | 'epoch_started'
  | 'new_year'
  | 'admin_pin_set'
  | 'admin_pin_failed'
  | 'desk_paired'
  | 'desk_joined'
  | 'desk_revoked'
  | 'desk_unpaired'
  | 'sync_applied'
  | 'anomaly_resolved'
  | 'host_handover';

const GENESIS = '0'.repeat(64);

export function auditEntryHash(
  prevHash: string,
  seq: number,
  at: string,
  action: string,
  details: string,
): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, seq, at, action, details]))
    .digest('hex');
}

/** Appends inside the caller's transaction, so the entry and the change it records land together. */
export function appendAudit(db: Database, clock: Clock, action: AuditAction, details: AuditDetails): void {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS;
  const at = brusselsIso(clock.now());
  const detailsJson = JSON.stringify(details);
  const hash = auditEntryHash(prevHash, seq, at, action, detailsJson);
  db.prepare(
    'INSERT INTO audit_log (seq, at, action, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(seq, at, action, detailsJson, prevHash, hash);
}

export interface AuditEntry {
  seq: number;
  at: string;
  action: string;
  details: string;
  prevHash: string;
  hash: string;
}

export function readAudit(db: Database, options: { limit?: number; beforeSeq?: number } = {}): AuditEntry[] {
  return db
    .prepare(
      `SELECT seq, at, action, details, prev_hash AS prevHash, hash FROM audit_log
       WHERE seq < ? ORDER BY seq DESC LIMIT ?`,
    )
    .all(options.beforeSeq ?? Number.MAX_SAFE_INTEGER, options.limit ?? 100) as AuditEntry[];
}

export type AuditVerdict =
  | { ok: true; entries: number }
  | { ok: false; error: 'audit_broken'; atSeq: number; reason: 'hash' | 'chain' | 'sequence' };

/** Detects an altered, removed or reordered entry: every hash and link is recomputed. */
export function verifyAudit(db: Database): AuditVerdict {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  for (const row of db
    .prepare('SELECT seq, at, action, details, prev_hash AS prevHash, hash FROM audit_log ORDER BY rowid')
    .iterate() as IterableIterator<AuditEntry>) {
    if (row.seq !== expectedSeq)
      return { ok: false, error: 'audit_broken', atSeq: row.seq, reason: 'sequence' };
    if (row.prevHash !== prevHash)
      return { ok: false, error: 'audit_broken', atSeq: row.seq, reason: 'chain' };
    if (auditEntryHash(row.prevHash, row.seq, row.at, row.action, row.details) !== row.hash) {
      return { ok: false, error: 'audit_broken', atSeq: row.seq, reason: 'hash' };
    }
    prevHash = row.hash;
    expectedSeq += 1;
    count += 1;
  }
  return { ok: true, entries: count };
}
