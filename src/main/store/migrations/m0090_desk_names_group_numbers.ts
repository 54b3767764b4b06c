import type { Migration } from './migration';

/**
 * Desks get names staff recognise and a number; groups get a short number made from it.
 * `desks` lists every desk of the point, this one included (the sync adds the others). This
 * store's own desk becomes 'Balie 1', number 1. A store that several desks shared over a network
 * folder holds other desk ids in its events: they become 'Balie 2', 'Balie 3', … in the order
 * they first wrote, so their pickups show a name and their groups a number too.
 * Existing groups are numbered per desk in time order: `G<desk number>-0001`, … (see
 * docs/architecture.md, "Several desks: names and group numbers").
 */
export const m0090DeskNamesGroupNumbers: Migration = {
  version: 90,
  name: 'desk names, group numbers',
  up(db) {
    db.exec(`
      CREATE TABLE desks (
        desk_id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        number INTEGER NOT NULL UNIQUE
      ) STRICT;
      INSERT INTO desks (desk_id, name, number) SELECT value, 'Balie 1', 1 FROM settings WHERE key = 'desk_id';
      INSERT INTO desks (desk_id, name, number)
        SELECT desk_id, 'Balie ' || (1 + row_number() OVER (ORDER BY first_ms, desk_id)),
               1 + row_number() OVER (ORDER BY first_ms, desk_id)
        FROM (SELECT desk_id, min(at_ms) AS first_ms FROM (
                SELECT desk_id, at_ms FROM desk_events UNION ALL SELECT desk_id, at_ms FROM pickup_groups)
              WHERE desk_id NOT IN (SELECT desk_id FROM desks) GROUP BY desk_id);

      ALTER TABLE pickup_groups ADD COLUMN group_no TEXT;
      CREATE UNIQUE INDEX pickup_groups_by_group_no ON pickup_groups(group_no);
      UPDATE pickup_groups AS g SET group_no = printf('G%d-%04d', n.number, n.counter)
        FROM (SELECT p.group_id, d.number,
                     row_number() OVER (PARTITION BY p.desk_id ORDER BY p.at_ms, p.rowid) AS counter
              FROM pickup_groups p JOIN desks d ON d.desk_id = p.desk_id) AS n
        WHERE n.group_id = g.group_id;
    `);
  },
};
