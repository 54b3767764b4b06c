import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateReports, type ReportFile } from '../../../../src/main/useCases/reports/aggregateReports';
import { signReportEnvelope } from '../../../../src/main/useCases/reports/signReport';
import { aggregateRows, percentOf, selectLatestReports } from '../../../../src/shared/report/aggregate';
import type { ReportPayload, VerifiedReport } from '../../../../src/shared/report/reportPayload';
import { enrolled, newKeyPair, payloadFor, type KeyPair } from '../../../helpers/reportFixtures';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** A verified report as the verifier would hand it over (the merge is pure: no signing needed). */
function verified(file: string, overrides: Partial<ReportPayload>): VerifiedReport {
  return { file, payload: payloadFor(overrides), fileSha256: sha(file), keyid: 'a'.repeat(64) };
}

/** A chain of reports for one point, each `previous` the hash of the one before. */
function chain(
  pointId: string,
  upTo: number,
  extra: (n: number) => Partial<ReportPayload> = () => ({}),
): VerifiedReport[] {
  const out: VerifiedReport[] = [];
  for (let n = 1; n <= upTo; n++) {
    const file = `${pointId}-${n}.lkr.json`;
    out.push(
      verified(file, {
        pointId,
        sequence: n,
        previous: n === 1 ? null : sha(`${pointId}-${n - 1}.lkr.json`),
        ...extra(n),
      }),
    );
  }
  return out;
}

const gent2: Partial<ReportPayload> = {
  pointId: 'BIB-GENT',
  totals: { cards: 10, collected: 3, waiting: 6, revoked: 1, replaced: 0 },
  byPostcode: [
    { postcode: '9000', cards: 6, collected: 2 },
    { postcode: '9050', cards: 4, collected: 1 },
  ],
};
const antwerpen: Partial<ReportPayload> = {
  pointId: 'BIB-ANTWERPEN',
  totals: { cards: 11, collected: 7, waiting: 4, revoked: 0, replaced: 0 },
  byPostcode: [
    { postcode: '2018', cards: 3, collected: 2 },
    { postcode: '2000', cards: 5, collected: 5 },
    { postcode: '1000', cards: 3, collected: 0 },
  ],
};
const leuven: Partial<ReportPayload> = {
  pointId: 'BIB-LEUVEN',
  totals: { cards: 9, collected: 3, waiting: 6, revoked: 0, replaced: 0 },
  byPostcode: [
    { postcode: '3000', cards: 7, collected: 1 },
    { postcode: '1500', cards: 2, collected: 2 },
  ],
};

function scenario(): VerifiedReport[] {
  return [
    ...chain('BIB-GENT', 2, (n) =>
      n === 1
        ? {
            totals: { cards: 10, collected: 1, waiting: 9, revoked: 0, replaced: 0 },
            byPostcode: [{ postcode: '9000', cards: 10, collected: 1 }],
          }
        : gent2,
    ),
    ...chain('BIB-ANTWERPEN', 1, () => antwerpen),
    ...chain('BIB-LEUVEN', 1, () => leuven),
  ];
}

describe('the issuer keeps the newest report per point', () => {
  it('the highest sequence wins, whatever order the files come in', () => {
    const reports = chain('BIB-GENT', 3, (n) => ({
      totals: { cards: 10, collected: n, waiting: 10 - n, revoked: 0, replaced: 0 },
    }));
    const shuffled = [reports[2], reports[0], reports[1]].filter((r): r is VerifiedReport => r !== undefined);
    const selection = selectLatestReports(shuffled);
    expect(selection.kept.map((r) => r.file)).toEqual(['BIB-GENT-3.lkr.json']);
    expect(selection).toMatchObject({ gaps: [], conflicts: [], chainBreaks: [] });
  });

  it('a repeated upload of the same report is harmless: no conflict, kept once', () => {
    const [one] = chain('BIB-GENT', 1);
    if (!one) throw new Error('fixture');
    const selection = selectLatestReports([
      one,
      { ...one },
      { ...one, file: 'kopie.lkr.json', fileSha256: sha('reformatted') },
    ]);
    expect(selection.kept).toHaveLength(1);
    expect(selection.conflicts).toEqual([]);
  });

  it('two different reports with the same sequence are a conflict; the newest generatedAt is kept', () => {
    const reports = chain('BIB-GENT', 2);
    const rival = verified('rival-2.lkr.json', {
      sequence: 2,
      previous: sha('BIB-GENT-1.lkr.json'),
      generatedAt: '2027-01-27T09:00:00+01:00',
      totals: { cards: 10, collected: 9, waiting: 1, revoked: 0, replaced: 0 },
    });
    const selection = selectLatestReports([...reports, rival]);
    expect(selection.conflicts).toEqual([
      { pointId: 'BIB-GENT', sequence: 2, files: ['BIB-GENT-2.lkr.json', 'rival-2.lkr.json'] },
    ]);
    expect(selection.kept.map((r) => r.file)).toEqual(['rival-2.lkr.json']);
  });

  it('reports the gaps in the sequence among the files given (1, 2, 4, 7 → 3 and 5–6 missing)', () => {
    const all = chain('BIB-GENT', 7);
    const given = all.filter((r) => [1, 2, 4, 7].includes(r.payload.sequence));
    const selection = selectLatestReports(given);
    expect(selection.gaps).toEqual([
      { pointId: 'BIB-GENT', from: 3, to: 3 },
      { pointId: 'BIB-GENT', from: 5, to: 6 },
    ]);
    expect(selection.chainBreaks).toEqual([]); // 4 and 7 have no predecessor given: nothing to compare
    expect(selection.kept.map((r) => r.payload.sequence)).toEqual([7]);
  });

  it('reports a broken previous chain: report 3 does not point at report 2’s file', () => {
    const reports = chain('BIB-GENT', 3);
    const three = reports[2];
    if (!three) throw new Error('fixture');
    three.payload = { ...three.payload, previous: sha('BIB-GENT-1.lkr.json') };
    const selection = selectLatestReports(reports);
    expect(selection.chainBreaks).toEqual([
      {
        kind: 'mismatch',
        pointId: 'BIB-GENT',
        sequence: 3,
        file: 'BIB-GENT-3.lkr.json',
        previous: sha('BIB-GENT-1.lkr.json'),
        expected: [sha('BIB-GENT-2.lkr.json')],
      },
    ]);
    expect(selection.gaps).toEqual([]);
  });

  it('reports a first report that names a previous one, and a later one that names none', () => {
    const selection = selectLatestReports([
      verified('g1.lkr.json', { sequence: 1, previous: 'b'.repeat(64) }),
      verified('g5.lkr.json', { sequence: 5, previous: null }),
    ]);
    expect(selection.chainBreaks).toEqual([
      {
        kind: 'first_has_previous',
        pointId: 'BIB-GENT',
        sequence: 1,
        file: 'g1.lkr.json',
        previous: 'b'.repeat(64),
      },
      { kind: 'previous_missing', pointId: 'BIB-GENT', sequence: 5, file: 'g5.lkr.json' },
    ]);
    expect(selection.gaps).toEqual([{ pointId: 'BIB-GENT', from: 2, to: 4 }]);
  });

  it('keeps points apart: one point’s sequence does not make gaps in another’s', () => {
    const selection = selectLatestReports(scenario());
    expect(selection.kept.map((r) => `${r.payload.pointId}#${r.payload.sequence}`)).toEqual([
      'BIB-ANTWERPEN#1',
      'BIB-GENT#2',
      'BIB-LEUVEN#1',
    ]);
    expect(selection).toMatchObject({ gaps: [], conflicts: [], chainBreaks: [] });
  });
});

describe('the issuer counts collected cards per province, point and postcode', () => {
  const kept = selectLatestReports(scenario()).kept;

  it('by province: Flemish provinces first, Brussels after, exact numbers', () => {
    expect(aggregateRows(kept, 'province')).toEqual({
      by: 'province',
      rows: [
        { key: 'Antwerpen', cards: 8, collected: 7, percent: 87.5 },
        { key: 'Oost-Vlaanderen', cards: 10, collected: 3, percent: 30 },
        { key: 'Vlaams-Brabant', cards: 9, collected: 3, percent: 33.3 },
        { key: 'Brussel', cards: 3, collected: 0, percent: 0 },
      ],
      total: { cards: 30, collected: 13, percent: 43.3, doubleHandOuts: 0 },
    });
  });

  it('by point: from each point’s totals, sorted by pointId', () => {
    expect(aggregateRows(kept, 'point')).toEqual({
      by: 'point',
      rows: [
        { key: 'BIB-ANTWERPEN', cards: 11, collected: 7, percent: 63.6 },
        { key: 'BIB-GENT', cards: 10, collected: 3, percent: 30 },
        { key: 'BIB-LEUVEN', cards: 9, collected: 3, percent: 33.3 },
      ],
      total: { cards: 30, collected: 13, percent: 43.3, doubleHandOuts: 0 },
    });
  });

  it('by postcode: summed over points, sorted by postcode', () => {
    const twoPointsOneCode = [
      ...kept,
      verified('extra.lkr.json', {
        pointId: 'BIB-MELLE',
        byPostcode: [{ postcode: '9000', cards: 4, collected: 4 }],
      }),
    ];
    expect(aggregateRows(twoPointsOneCode, 'postcode').rows).toEqual([
      { key: '1000', cards: 3, collected: 0, percent: 0 },
      { key: '1500', cards: 2, collected: 2, percent: 100 },
      { key: '2000', cards: 5, collected: 5, percent: 100 },
      { key: '2018', cards: 3, collected: 2, percent: 66.7 },
      { key: '3000', cards: 7, collected: 1, percent: 14.3 },
      { key: '9000', cards: 10, collected: 6, percent: 60 },
      { key: '9050', cards: 4, collected: 1, percent: 25 },
    ]);
  });

  it('no reports: no rows and a zero total, never NaN', () => {
    expect(aggregateRows([], 'province')).toEqual({
      by: 'province',
      rows: [],
      total: { cards: 0, collected: 0, percent: 0, doubleHandOuts: 0 },
    });
  });

  it('percent has one decimal, rounded half up, and is 0 when there are no cards', () => {
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(1, 16)).toBe(6.3);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 2000)).toBe(0.1);
    expect(percentOf(1, 2001)).toBe(0);
    expect(percentOf(200_000, 200_000)).toBe(100);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (cards, f) => {
          const collected = Math.floor(cards * f);
          const p = percentOf(collected, cards);
          const exactTenths = (BigInt(collected) * 2000n + BigInt(cards)) / (2n * BigInt(cards));
          return Number.isInteger(Math.round(p * 10)) && Math.round(p * 10) === Number(exactTenths);
        },
      ),
    );
  });
});

describe('verify and merge a folder of report files end to end', () => {
  function sign(key: KeyPair, payload: ReportPayload, name: string): ReportFile {
    return { name, bytes: signReportEnvelope(payload, key.privateKey, key.publicKey).bytes };
  }

  it('refuses the bad file, goes on with the others, and chains by the real file hashes', () => {
    const gentKey = newKeyPair();
    const leuvenKey = newKeyPair();
    const keys = enrolled({ 'BIB-GENT': [gentKey], 'BIB-LEUVEN': [leuvenKey] });
    const g1 = sign(gentKey, payloadFor({ sequence: 1 }), 'rapport-gent-1.lkr.json');
    const g1sha = createHash('sha256').update(g1.bytes).digest('hex');
    const g2 = sign(
      gentKey,
      payloadFor({ ...gent2, sequence: 2, previous: g1sha }),
      'rapport-gent-2.lkr.json',
    );
    const g3forged = sign(
      newKeyPair(),
      payloadFor({ ...gent2, sequence: 3, previous: 'c'.repeat(64) }),
      'rapport-gent-3.lkr.json',
    );
    const l1 = sign(leuvenKey, payloadFor({ ...leuven, sequence: 1 }), 'rapport-leuven-1.lkr.json');

    const outcome = aggregateReports([g1, g3forged, g2, l1], keys, 'province');
    expect(outcome.refused).toEqual([
      expect.objectContaining({ file: 'rapport-gent-3.lkr.json', reason: 'keyid_not_enrolled' }),
    ]);
    expect(outcome.selection).toMatchObject({ gaps: [], conflicts: [], chainBreaks: [] });
    expect(outcome.selection.kept.map((r) => r.file)).toEqual([
      'rapport-gent-2.lkr.json',
      'rapport-leuven-1.lkr.json',
    ]);
    expect(outcome.table.rows).toEqual([
      { key: 'Oost-Vlaanderen', cards: 10, collected: 3, percent: 30 },
      { key: 'Vlaams-Brabant', cards: 9, collected: 3, percent: 33.3 },
    ]);
    expect(outcome.table.total).toEqual({ cards: 19, collected: 6, percent: 31.6, doubleHandOuts: 0 });
  });
});

describe('the audit anchor and card years along a chain', () => {
  const head = (epoch: number, seq: number, started?: 'restore' | 'new_year') => ({
    audit: {
      epoch,
      seq,
      head: sha(`${epoch}-${seq}`),
      ...(started ? { started: { reason: started, at: '2027-07-10T11:00:00+02:00' } } : {}),
    },
  });

  it('a chain over a year rollover is two chains: no gap between them, each year merged on its own', () => {
    const reports = chain('BIB-GENT', 5, (n) =>
      n <= 2
        ? { cardYear: 2027, ...head(1, n * 50) }
        : { cardYear: 2028, ...head(2, n * 50, n === 3 ? 'new_year' : undefined) },
    ).filter((r) => r.payload.sequence !== 4);
    const newest = selectLatestReports(reports);
    expect(newest).toMatchObject({
      cardYear: 2028,
      otherYears: [2027],
      conflicts: [],
      chainBreaks: [],
      auditProblems: [],
    });
    expect(newest.gaps).toEqual([{ pointId: 'BIB-GENT', from: 4, to: 4 }]);
    expect(newest.kept.map((r) => r.payload.sequence)).toEqual([5]);
    const old = selectLatestReports(reports, { cardYear: 2027 });
    expect(old.kept.map((r) => r.payload.sequence)).toEqual([2]);
    expect(old.older).toEqual([
      {
        pointId: 'BIB-GENT',
        cardYear: 2027,
        newest: { sequence: 2, file: 'BIB-GENT-2.lkr.json' },
        sequences: [1],
      },
    ]);
  });

  it('flags an audit seq going backwards, an epoch going back, and an undeclared new epoch', () => {
    const seqBack = chain('BIB-GENT', 2, (n) => head(1, n === 1 ? 90 : 80));
    expect(selectLatestReports(seqBack).auditProblems).toMatchObject([
      { kind: 'seq_backwards', sequence: 2, seq: 80, previousSeq: 90, epoch: 1 },
    ]);
    const epochBack = chain('BIB-GENT', 2, (n) => head(n === 1 ? 3 : 2, n * 10));
    expect(selectLatestReports(epochBack).auditProblems).toMatchObject([
      { kind: 'epoch_backwards', epoch: 2, previousEpoch: 3 },
    ]);
    const undeclared = chain('BIB-GENT', 2, (n) => head(n, 10));
    expect(selectLatestReports(undeclared).auditProblems).toMatchObject([
      { kind: 'epoch_undeclared', epoch: 2 },
    ]);
    const declared = chain('BIB-GENT', 2, (n) => head(n, 10, n === 2 ? 'restore' : undefined));
    expect(selectLatestReports(declared).auditProblems).toEqual([]);
  });
});
