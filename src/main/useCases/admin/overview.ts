import type { OverviewStats, PostcodeMapPoint } from '../../../shared/api/apiTypes';
import type { PostcodePlace } from '../../platform/postcodePlaces';
import type { StoreContext } from '../../store/storeContext';
import { lastReport } from '../reports/buildReport';
import { cardStats } from './cardStats';
import { listLeftovers } from './leftovers';

/** Overzicht: totals, hand-outs per Brussels day, the last report and the leftovers. */
export function readOverview(ctx: StoreContext): OverviewStats {
  const { db } = ctx;
  const perDay = db
    .prepare(
      `SELECT substr(e.at, 1, 10) AS day, count(*) AS handedOut FROM card_state s
       JOIN desk_events e ON e.seq = s.event_seq WHERE s.state = 'collected' GROUP BY day ORDER BY day`,
    )
    .all() as { day: string; handedOut: number }[];
  const last = lastReport(db);
  const lastRow = last
    ? (db.prepare('SELECT cards, collected FROM reports WHERE sequence = ?').get(last.sequence) as {
        cards: number;
        collected: number;
      })
    : null;
  return {
    totals: cardStats(db),
    perDay,
    lastReport:
      last && lastRow ? { sequence: last.sequence, generatedAt: last.generatedAt, ...lastRow } : null,
    leftovers: listLeftovers(db).length,
  };
}

/** The point's postcodes on the map, with cards and collected; postcodes without coordinates are left out. */
export function readPostcodeMap(
  ctx: StoreContext,
  places: ReadonlyMap<string, PostcodePlace>,
): PostcodeMapPoint[] {
  const points: PostcodeMapPoint[] = [];
  for (const p of cardStats(ctx.db).byPostcode) {
    const place = places.get(p.postcode);
    if (place)
      points.push({
        postcode: p.postcode,
        plaats: p.gemeente ?? place.plaats,
        lat: place.lat,
        lon: place.lon,
        cards: p.cards,
        collected: p.collected,
      });
  }
  return points;
}
