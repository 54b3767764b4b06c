import type { Migration } from './migration';

/**
 * Listing a postcode or a school sorted by name read every card of it and sorted in a temp
 * B-tree (bench: 1.95 ms p95 at 200k); with the name in the index the first 50 come in order.
 */
export const m0040PostcodeNameIndex: Migration = {
  version: 40,
  name: 'postcode and school indexes ordered by name',
  up(db) {
    db.exec(`
      DROP INDEX cards_by_postcode;
      CREATE INDEX cards_by_postcode_name ON cards(postcode, achternaam, voornaam);
      DROP INDEX cards_by_school;
      CREATE INDEX cards_by_school_name ON cards(school, achternaam, voornaam) WHERE school IS NOT NULL;
    `);
  },
};
