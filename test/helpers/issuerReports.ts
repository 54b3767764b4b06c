import fs from 'node:fs';
import path from 'node:path';
import { signReportEnvelope } from '../../src/main/useCases/reports/signReport';
import type { ReportPayload } from '../../src/shared/report/reportPayload';
import { brusselsIso } from '../../src/shared/time/brussels';
import { newKeyPair, payloadFor } from './reportFixtures';

interface PointPlan {
  pointId: string;
  pointName: string;
  /** How many days before `now` its report was made. */
  daysOld: number;
  byPostcode: { postcode: string; cards: number; collected: number }[];
}

/** Three points across Belgium; Namen's last report is 19 days old (stale at --stale-days 7). */
export const ISSUER_POINTS: readonly PointPlan[] = [
  {
    pointId: 'BIB-GENT',
    pointName: 'Bibliotheek De Krook, Gent',
    daysOld: 1,
    byPostcode: [
      { postcode: '9000', cards: 220, collected: 130 },
      { postcode: '9040', cards: 90, collected: 31 },
      { postcode: '9050', cards: 70, collected: 12 },
      { postcode: '8000', cards: 40, collected: 30 },
    ],
  },
  {
    pointId: 'BIB-ANTWERPEN',
    pointName: 'Bib "Permeke" <Antwerpen> & De Coninckplein',
    daysOld: 2,
    byPostcode: [
      { postcode: '2000', cards: 300, collected: 210 },
      { postcode: '2018', cards: 180, collected: 40 },
      { postcode: '2100', cards: 120, collected: 18 },
      { postcode: '2900', cards: 60, collected: 45 },
      { postcode: '1000', cards: 30, collected: 9 },
    ],
  },
  {
    pointId: 'BIB-NAMEN',
    pointName: 'Bibliothèque de Namur',
    daysOld: 19,
    byPostcode: [
      { postcode: '5000', cards: 50, collected: 20 },
      { postcode: '4000', cards: 25, collected: 5 },
    ],
  },
];

export const ISSUER_NOW = '2027-02-10T09:00:00Z';

export interface IssuerReports {
  keysDir: string;
  files: string[];
  cards: number;
  collected: number;
  postcodes: string[];
}

/**
 * Enrolled keys and one signed report per point in `dir`; with `conflict`, a rival report of
 * Gent with the same sequence and other numbers (a chain problem the issuer must see).
 */
export function writeIssuerReports(
  dir: string,
  options: { conflict?: boolean; now?: string } = {},
): IssuerReports {
  const now = Date.parse(options.now ?? ISSUER_NOW);
  const keysDir = path.join(dir, 'keys');
  fs.mkdirSync(keysDir, { recursive: true });
  const files: string[] = [];
  const write = (name: string, payload: ReportPayload, key: ReturnType<typeof newKeyPair>) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, signReportEnvelope(payload, key.privateKey, key.publicKey).bytes);
    files.push(file);
  };
  for (const point of ISSUER_POINTS) {
    const key = newKeyPair();
    fs.writeFileSync(
      path.join(keysDir, `${point.pointId}.pub.pem`),
      key.publicKey.export({ type: 'spki', format: 'pem' }),
    );
    const cards = point.byPostcode.reduce((n, r) => n + r.cards, 0);
    const collected = point.byPostcode.reduce((n, r) => n + r.collected, 0);
    const payload = payloadFor({
      pointId: point.pointId,
      pointName: point.pointName,
      // Noon UTC, a whole number of days back: the same Brussels day count whatever the hour.
      generatedAt: brusselsIso(
        new Date(Math.floor(now / 86_400_000 - point.daysOld) * 86_400_000 + 43_200_000),
      ),
      batches: [`2027-${point.pointId}-01`],
      totals: { cards, collected, waiting: cards - collected, revoked: 0, replaced: 0 },
      byPostcode: point.byPostcode,
      pickups: [],
    });
    write(`${point.pointId}-1.lkr.json`, payload, key);
    if (options.conflict && point.pointId === 'BIB-GENT')
      write(
        `${point.pointId}-1-rival.lkr.json`,
        {
          ...payload,
          reportId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
          totals: { ...payload.totals, collected: collected + 1 },
        },
        key,
      );
  }
  const all = ISSUER_POINTS.flatMap((p) => p.byPostcode);
  return {
    keysDir,
    files,
    cards: all.reduce((n, r) => n + r.cards, 0),
    collected: all.reduce((n, r) => n + r.collected, 0),
    postcodes: [...new Set(all.map((r) => r.postcode))].sort(),
  };
}
