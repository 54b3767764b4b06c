import { describe, it, expect } from 'vitest';
import { findPointForPostcode, parsePostcodeList } from '../../../../src/shared/domain/pointsDirectory';
import type { PointRow } from '../../../../src/shared/batch/rows';

function point(pointId: string, postcodes: string, line = 2): PointRow {
  const ranges = parsePostcodeList(postcodes);
  if (!ranges) throw new Error(`bad test postcodes ${postcodes}`);
  return { line, pointId, naam: pointId, adres: '', postcodes: ranges, openingsuren: '', tot: null };
}

describe('postcode lists of points', () => {
  it('reads single postcodes and ranges separated by spaces', () => {
    expect(parsePostcodeList('9000 9040 9030-9032')).toEqual([
      { from: 9000, to: 9000 },
      { from: 9040, to: 9040 },
      { from: 9030, to: 9032 },
    ]);
  });

  it('tolerates extra spaces and tabs between entries', () => {
    expect(parsePostcodeList('  3000-3001\t3010  ')).toEqual([
      { from: 3000, to: 3001 },
      { from: 3010, to: 3010 },
    ]);
  });

  it('gives an empty list for an empty text', () => {
    expect(parsePostcodeList('')).toEqual([]);
  });

  it('refuses a list with any bad entry', () => {
    for (const bad of [
      '9000 900',
      '9000,9040',
      '9052-9000',
      '9000-',
      '-9000',
      '9000-9010-9020',
      '0999',
      '9000 - 9052',
      'Gent',
    ]) {
      expect(parsePostcodeList(bad)).toBeNull();
    }
  });

  it('accepts a range of one postcode', () => {
    expect(parsePostcodeList('9000-9000')).toEqual([{ from: 9000, to: 9000 }]);
  });
});

describe('finding the point for a postcode', () => {
  const points = [
    point('BIB-GENT', '9000 9040 9050 9030-9032', 2),
    point('LETTERENHUIS', '2000 2018 2020', 3),
    point('BIB-OOST-VL', '9000-9999', 4),
    point('BIB-MELLE', '9090', 5),
  ];

  it('finds the point that lists the postcode', () => {
    expect(findPointForPostcode(points, '2018')?.pointId).toBe('LETTERENHUIS');
  });

  it('prefers a point that names the postcode itself over a point with a range', () => {
    expect(findPointForPostcode(points, '9000')?.pointId).toBe('BIB-GENT');
    expect(findPointForPostcode([...points].reverse(), '9000')?.pointId).toBe('BIB-GENT');
  });

  it('prefers the narrower range', () => {
    expect(findPointForPostcode(points, '9031')?.pointId).toBe('BIB-GENT');
    expect(findPointForPostcode(points, '9100')?.pointId).toBe('BIB-OOST-VL');
  });

  it('gives the earlier point when two match equally well', () => {
    const twins = [point('A', '9000', 2), point('B', '9000', 3)];
    expect(findPointForPostcode(twins, '9000')?.pointId).toBe('A');
  });

  it('gives nothing for an unknown or invalid postcode', () => {
    expect(findPointForPostcode(points, '8000')).toBeNull();
    expect(findPointForPostcode(points, '90')).toBeNull();
    expect(findPointForPostcode([], '9000')).toBeNull();
  });
});
