/** Belgian postcodes (4 digits, 1000–9999) and the province they belong to, for reports. */
export type Province =
  | 'Antwerpen'
  | 'Limburg'
  | 'Oost-Vlaanderen'
  | 'Vlaams-Brabant'
  | 'West-Vlaanderen'
  | 'Brussel'
  | 'Henegouwen'
  | 'Luik'
  | 'Luxemburg'
  | 'Namen'
  | 'Waals-Brabant';

/** Report order: the Flemish provinces, Brussels, then the Walloon provinces (each alphabetical). */
export const PROVINCES: readonly Province[] = [
  'Antwerpen',
  'Limburg',
  'Oost-Vlaanderen',
  'Vlaams-Brabant',
  'West-Vlaanderen',
  'Brussel',
  'Henegouwen',
  'Luik',
  'Luxemburg',
  'Namen',
  'Waals-Brabant',
];

// Upper bound (inclusive) of each range, ascending, per the "Regions" table of the batch spec.
const RANGES: readonly (readonly [number, Province])[] = [
  [1299, 'Brussel'],
  [1499, 'Waals-Brabant'],
  [1999, 'Vlaams-Brabant'],
  [2999, 'Antwerpen'],
  [3499, 'Vlaams-Brabant'],
  [3999, 'Limburg'],
  [4999, 'Luik'],
  [5999, 'Namen'],
  [6599, 'Henegouwen'],
  [6999, 'Luxemburg'],
  [7999, 'Henegouwen'],
  [8999, 'West-Vlaanderen'],
  [9999, 'Oost-Vlaanderen'],
];

const FOUR_DIGITS = /^\d{4}$/;

export function isValidPostcode(s: string): boolean {
  return FOUR_DIGITS.test(s) && s.charCodeAt(0) !== 48; // 48 = '0': 0xxx is not a Belgian postcode
}

/** Throws on an invalid postcode: callers pass postcodes that were validated on import. */
export function provinceOfPostcode(pc: string | number): Province {
  const n = typeof pc === 'number' ? pc : isValidPostcode(pc) ? Number(pc) : NaN;
  if (!Number.isInteger(n) || n < 1000 || n > 9999) throw new RangeError(`not a Belgian postcode: ${pc}`);
  for (const [upTo, province] of RANGES) if (n <= upTo) return province;
  throw new RangeError(`not a Belgian postcode: ${pc}`); // unreachable: the table ends at 9999
}
