import { describe, it, expect } from 'vitest';
import { PROVINCES, isValidPostcode, provinceOfPostcode } from '../../../../src/shared/domain/postcode';
import type { Province } from '../../../../src/shared/domain/postcode';

describe('postcodes', () => {
  it('accepts 4-digit postcodes from 1000 to 9999', () => {
    for (const pc of ['1000', '2000', '9000', '9999']) expect(isValidPostcode(pc)).toBe(true);
  });

  it('refuses anything else', () => {
    for (const pc of ['', '0999', '0000', '999', '10000', '9 000', '900a', ' 9000', 'B-9000']) {
      expect(isValidPostcode(pc)).toBe(false);
    }
  });

  it('puts every boundary of the regions table in the right province', () => {
    const table: [number, number, Province][] = [
      [1000, 1299, 'Brussel'],
      [1300, 1499, 'Waals-Brabant'],
      [1500, 1999, 'Vlaams-Brabant'],
      [2000, 2999, 'Antwerpen'],
      [3000, 3499, 'Vlaams-Brabant'],
      [3500, 3999, 'Limburg'],
      [4000, 4999, 'Luik'],
      [5000, 5999, 'Namen'],
      [6000, 6599, 'Henegouwen'],
      [6600, 6999, 'Luxemburg'],
      [7000, 7999, 'Henegouwen'],
      [8000, 8999, 'West-Vlaanderen'],
      [9000, 9999, 'Oost-Vlaanderen'],
    ];
    for (const [from, to, province] of table) {
      expect(provinceOfPostcode(from)).toBe(province);
      expect(provinceOfPostcode(String(to))).toBe(province);
    }
  });

  it('gives Gent, Antwerpen, Leuven and Hasselt their provinces', () => {
    expect(provinceOfPostcode('9000')).toBe('Oost-Vlaanderen');
    expect(provinceOfPostcode('2018')).toBe('Antwerpen');
    expect(provinceOfPostcode('3000')).toBe('Vlaams-Brabant');
    expect(provinceOfPostcode('3500')).toBe('Limburg');
  });

  it('lists every province once, each reachable from some postcode', () => {
    expect(new Set(PROVINCES).size).toBe(PROVINCES.length);
    const reached = new Set<Province>();
    for (let pc = 1000; pc <= 9999; pc++) reached.add(provinceOfPostcode(pc));
    expect([...reached].sort()).toEqual([...PROVINCES].sort());
  });

  it('treats an invalid postcode as a programming error', () => {
    expect(() => provinceOfPostcode('0999')).toThrow(RangeError);
    expect(() => provinceOfPostcode(10000)).toThrow(RangeError);
    expect(() => provinceOfPostcode(999)).toThrow(RangeError);
    expect(() => provinceOfPostcode(1000.5)).toThrow(RangeError);
  });
});
