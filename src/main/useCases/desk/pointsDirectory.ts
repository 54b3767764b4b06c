import type { Database } from 'better-sqlite3';
import type { PointRow } from '../../../shared/batch/rows';
import type { PostcodeRange } from '../../../shared/domain/pointsDirectory';
import type { PointInfo } from '../../../shared/desk/deskResults';
import { findPointForPostcode } from '../../../shared/domain/pointsDirectory';

export type { PointInfo };

/** All distribution points from the newest points.csv, as the desk redirects teachers. */
export function readPoints(db: Database): PointRow[] {
  const rows = db
    .prepare('SELECT point_id, naam, adres, postcodes, openingsuren, tot FROM points ORDER BY rowid')
    .all() as {
    point_id: string;
    naam: string;
    adres: string;
    postcodes: string;
    openingsuren: string;
    tot: string | null;
  }[];
  return rows.map((r, i) => ({
    line: i + 2,
    pointId: r.point_id,
    naam: r.naam,
    adres: r.adres,
    postcodes: JSON.parse(r.postcodes) as PostcodeRange[],
    openingsuren: r.openingsuren,
    tot: r.tot,
  }));
}

/** "Not here — most likely at …" for a teacher's home postcode. */
export function likelyPointFor(db: Database, postcode: string | null | undefined): PointInfo | null {
  if (!postcode) return null;
  const point = findPointForPostcode(readPoints(db), postcode);
  if (!point) return null;
  const { line: _line, postcodes: _postcodes, ...info } = point;
  return info;
}
