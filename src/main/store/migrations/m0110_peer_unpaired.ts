import type { Migration } from './migration';

/**
 * A desk that unpaired itself (`balie desk unpair` on that desk, which then wipes its copy) is
 * refused like a revoked one, but the host lists it as "unpaired": its copy is gone, unlike a
 * lost PC's. `revoked_at` is set for both, so every trust check stays one column.
 */
export const m0110PeerUnpaired: Migration = {
  version: 110,
  name: 'peer unpaired',
  up(db) {
    db.exec(`ALTER TABLE point_peers ADD COLUMN unpaired_at TEXT;`);
  },
};
