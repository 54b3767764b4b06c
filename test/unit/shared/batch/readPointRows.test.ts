import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { readPointRows } from '../../../../src/shared/batch/readPointRows';
import { findPointForPostcode } from '../../../../src/shared/domain/pointsDirectory';

const HEADER = 'pointId;naam;adres;postcodes;openingsuren;tot';

function points(...lines: string[]): string {
  return [HEADER, ...lines].join('\n') + '\n';
}

describe('reading points.csv', () => {
  it('reads the sample directory and finds the point for a postcode', () => {
    const { rows, problems } = readPointRows(
      readFileSync(new URL('../../../fixtures/points-sample.csv', import.meta.url), 'utf8'),
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.pointId)).toEqual(['BIB-GENT', 'LETTERENHUIS', 'BIB-LEUVEN', 'BIB-HASSELT']);
    expect(rows[0]).toEqual({
      line: 2,
      pointId: 'BIB-GENT',
      naam: 'Bibliotheek De Krook',
      adres: 'Miriam Makebaplein 1, 9000 Gent',
      postcodes: [
        { from: 9000, to: 9000 },
        { from: 9040, to: 9040 },
        { from: 9050, to: 9050 },
        { from: 9030, to: 9032 },
      ],
      openingsuren: 'ma-za 10-19u',
      tot: '2027-06-30',
    });
    expect(findPointForPostcode(rows, '3001')?.naam).toBe('Tweebronnen');
  });

  it('needs only pointId and postcodes, in any case', () => {
    const { rows, problems } = readPointRows('POSTCODES,PointID\n9000-9052,BIB-GENT\n');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        pointId: 'BIB-GENT',
        naam: '',
        adres: '',
        postcodes: [{ from: 9000, to: 9052 }],
        openingsuren: '',
        tot: null,
      },
    ]);
  });

  it('names a missing required column', () => {
    const { problems } = readPointRows('pointId;naam\nBIB-GENT;De Krook\n');
    expect(problems).toEqual([
      { code: 'csv_missing_column', severity: 'error', file: 'points.csv', line: 1, columnName: 'postcodes' },
    ]);
  });

  it('reports a point without an id', () => {
    const { rows, problems } = readPointRows(points(';Naam;;9000;;'));
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      {
        code: 'point_id_empty',
        severity: 'error',
        file: 'points.csv',
        line: 2,
        column: 1,
        columnName: 'pointId',
      },
    ]);
  });

  it('reports a point listed twice, pointing at the first line', () => {
    const { problems } = readPointRows(points('BIB-GENT;;;9000;;', 'BIB-GENT;;;9040;;'));
    expect(problems).toEqual([
      {
        code: 'point_id_duplicate',
        severity: 'error',
        file: 'points.csv',
        line: 3,
        column: 1,
        columnName: 'pointId',
        value: 'BIB-GENT',
        otherLine: 2,
      },
    ]);
  });

  it('reports a bad or empty postcode list', () => {
    const { problems } = readPointRows(points('A;;;9052-9000;;', 'B;;;;;', 'C;;;9000,9040;;'));
    expect(problems.map((p) => [p.code, p.line, p.column, p.value])).toEqual([
      ['point_postcodes_invalid', 2, 4, '9052-9000'],
      ['point_postcodes_invalid', 3, 4, ''],
      ['point_postcodes_invalid', 4, 4, '9000,9040'],
    ]);
  });

  it('reports a last day that is not a real YYYY-MM-DD date', () => {
    const { rows, problems } = readPointRows(
      points('A;;;9000;;2027-02-30', 'B;;;9040;;30/06/2027', 'C;;;9050;;2027-06-30'),
    );
    expect(rows.map((r) => r.pointId)).toEqual(['C']);
    expect(problems.map((p) => [p.code, p.line, p.column, p.columnName, p.value])).toEqual([
      ['point_date_invalid', 2, 6, 'tot', '2027-02-30'],
      ['point_date_invalid', 3, 6, 'tot', '30/06/2027'],
    ]);
  });

  it('reports a row that stops before the postcodes', () => {
    const { problems } = readPointRows(points('A;Naam'));
    expect(problems).toEqual([
      {
        code: 'csv_missing_field',
        severity: 'error',
        file: 'points.csv',
        line: 2,
        column: 4,
        columnName: 'postcodes',
        value: '2',
        expected: '4',
      },
    ]);
  });

  it('reports an empty file and quoting problems as points.csv', () => {
    expect(readPointRows('').problems).toEqual([
      { code: 'csv_empty', severity: 'error', file: 'points.csv' },
    ]);
    expect(readPointRows(points('A;"De "Krook";;9000;;')).problems).toEqual([
      { code: 'csv_text_after_quote', severity: 'error', file: 'points.csv', line: 2, column: 2 },
    ]);
  });
});
