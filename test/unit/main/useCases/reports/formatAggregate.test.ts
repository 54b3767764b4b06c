import { describe, expect, it } from 'vitest';
import {
  formatAggregate,
  formatAggregateCsv,
  formatAggregateJson,
  formatAggregateTable,
} from '../../../../../src/main/useCases/reports/formatAggregate';
import type { AggregateTable } from '../../../../../src/shared/report/aggregate';

const byProvince: AggregateTable = {
  by: 'province',
  rows: [
    { key: 'Antwerpen', cards: 3000, collected: 2625, percent: 87.5 },
    { key: 'Oost-Vlaanderen', cards: 10, collected: 3, percent: 30 },
    { key: 'Brussel', cards: 3, collected: 0, percent: 0 },
  ],
  total: { cards: 3013, collected: 2628, percent: 87.2, doubleHandOuts: 0 },
};

describe('the issuer reads the collection figures as a table, CSV or JSON', () => {
  it('table: Dutch headers, aligned columns, nl-BE numbers and a total line', () => {
    expect(formatAggregateTable(byProvince)).toBe(
      [
        'Provincie        Kaarten  Afgehaald     %',
        '---------------  -------  ---------  ----',
        'Antwerpen          3.000      2.625  87,5',
        'Oost-Vlaanderen       10          3  30,0',
        'Brussel                3          0   0,0',
        '---------------  -------  ---------  ----',
        'Totaal             3.013      2.628  87,2',
        '',
      ].join('\n'),
    );
  });

  it('table headers follow the grouping: Punt, Postcode', () => {
    expect(formatAggregateTable({ ...byProvince, by: 'point' }).split('\n')[0]).toMatch(
      /^Punt\s+Kaarten\s+Afgehaald\s+%$/,
    );
    expect(formatAggregateTable({ ...byProvince, by: 'postcode' }).split('\n')[0]).toMatch(
      /^Postcode\s+Kaarten/,
    );
  });

  it('CSV: semicolons, machine header, dot decimal, rows only', () => {
    expect(formatAggregateCsv(byProvince)).toBe(
      'key;cards;collected;percent\nAntwerpen;3000;2625;87.5\nOost-Vlaanderen;10;3;30.0\nBrussel;3;0;0.0\n',
    );
    const odd = formatAggregateCsv({
      ...byProvince,
      by: 'point',
      rows: [{ key: 'BIB;"X"', cards: 1, collected: 1, percent: 100 }],
    });
    expect(odd.split('\n')[1]).toBe('"BIB;""X""";1;1;100.0');
  });

  it('JSON: an array of { key, cards, collected, percent } with numbers', () => {
    const parsed: unknown = JSON.parse(formatAggregateJson(byProvince));
    expect(parsed).toEqual([
      { key: 'Antwerpen', cards: 3000, collected: 2625, percent: 87.5 },
      { key: 'Oost-Vlaanderen', cards: 10, collected: 3, percent: 30 },
      { key: 'Brussel', cards: 3, collected: 0, percent: 0 },
    ]);
    expect(formatAggregate(byProvince, 'json')).toBe(formatAggregateJson(byProvince));
    expect(formatAggregate(byProvince, 'csv')).toBe(formatAggregateCsv(byProvince));
    expect(formatAggregate(byProvince, 'table')).toBe(formatAggregateTable(byProvince));
  });

  it('an empty result still prints a header and a zero total', () => {
    const empty: AggregateTable = {
      by: 'postcode',
      rows: [],
      total: { cards: 0, collected: 0, percent: 0, doubleHandOuts: 0 },
    };
    expect(formatAggregateTable(empty)).toContain('Totaal');
    expect(formatAggregateTable(empty)).toMatch(/0,0\n$/);
    expect(formatAggregateCsv(empty)).toBe('key;cards;collected;percent\n');
    expect(formatAggregateJson(empty)).toBe('[]\n');
  });
});
