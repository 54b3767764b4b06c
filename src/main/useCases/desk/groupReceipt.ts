import type { Database } from 'better-sqlite3';
import type { GroupReceipt } from '../../../shared/desk/receipt';
import { deskNameJoin } from '../../store/deskNames';
import { getSetting } from '../../store/settings';

/** Everything the printed receipt of one group collection lists, read back from the store. */
export function readGroupReceipt(db: Database, groupId: string): GroupReceipt | null {
  const group = db
    .prepare(
      `SELECT g.group_no, d.name AS desk_name, g.staff, g.at, g.collector_name, g.collector_id_note,
              c.card AS collector_card, c.voornaam AS collector_voornaam, c.achternaam AS collector_achternaam
       FROM pickup_groups g LEFT JOIN cards c ON c.id = g.collector_card_id ${deskNameJoin('d', 'g.desk_id')}
       WHERE g.group_id = ?`,
    )
    .get(groupId) as
    | {
        group_no: string | null;
        desk_name: string | null;
        staff: string;
        at: string;
        collector_name: string | null;
        collector_id_note: string | null;
        collector_card: string | null;
        collector_voornaam: string | null;
        collector_achternaam: string | null;
      }
    | undefined;
  if (!group) return null;
  const cards = db
    .prepare(
      `SELECT c.card, coalesce(c.voornaam, '') AS voornaam, coalesce(c.achternaam, '') AS achternaam, c.postcode
       FROM desk_events e JOIN cards c ON c.id = e.card_id
       WHERE e.group_id = ? AND e.kind = 'handout' ORDER BY e.seq`,
    )
    .all(groupId) as GroupReceipt['cards'];
  const collector: GroupReceipt['collector'] =
    group.collector_card !== null
      ? {
          kind: 'card',
          card: group.collector_card,
          name: `${group.collector_voornaam ?? ''} ${group.collector_achternaam ?? ''}`.trim(),
        }
      : { kind: 'person', name: group.collector_name ?? '', idNote: group.collector_id_note ?? '' };
  return {
    // Every group has its number since m0090; '—' only for a row written without one.
    groupNo: group.group_no ?? '—',
    pointName: getSetting(db, 'point_name') ?? '',
    deskName: group.desk_name,
    staff: group.staff,
    at: group.at,
    collector,
    cards,
  };
}
