import type { Migration } from './migration';

/**
 * Every signed report remembers the audit head it carried (epoch, seq, hash), so `audit verify`
 * can check the log against what already left the point. `carried_by_restore` marks report rows
 * brought over from the store a restore replaced: their heads may lie beyond the restored log.
 * The index finds epoch starts and year rollovers without reading the whole log.
 */
export const m0070ReportAuditAnchor: Migration = {
  version: 70,
  name: 'report audit anchor',
  up(db) {
    db.exec(`
      ALTER TABLE reports ADD COLUMN card_year INTEGER;
      ALTER TABLE reports ADD COLUMN audit_epoch INTEGER;
      ALTER TABLE reports ADD COLUMN audit_seq INTEGER;
      ALTER TABLE reports ADD COLUMN audit_head TEXT;
      ALTER TABLE reports ADD COLUMN carried_by_restore INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX audit_log_by_action ON audit_log(action);
    `);
  },
};
