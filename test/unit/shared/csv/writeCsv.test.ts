import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseCsv } from '../../../../src/shared/csv/parseCsv';
import { writeCsv } from '../../../../src/shared/csv/writeCsv';

describe('writing CSV', () => {
  it('writes semicolons, CRLF and no byte order mark by default, for Excel in Belgium', () => {
    expect(writeCsv(['a', 'b'], [['1', '2']])).toBe('a;b\r\n1;2\r\n');
  });

  it('writes commas, LF and a byte order mark when asked', () => {
    expect(writeCsv(['a', 'b'], [['1', '2']], { separator: ',', lineEnd: '\n', bom: true })).toBe(
      '\uFEFFa,b\n1,2\n',
    );
  });

  it('quotes fields with separators, quotes, line breaks or outer spaces, and only those', () => {
    const row = [
      'x;y',
      'x,y',
      'Café "De Kroon"',
      'a\nb',
      'a\rb',
      ' lead',
      'trail ',
      'in side',
      "'t Kint",
      'Öztürk',
    ];
    expect(writeCsv(['h'], [row], { lineEnd: '\n' })).toBe(
      'h\n"x;y";"x,y";"Café ""De Kroon""";"a\nb";"a\rb";" lead";"trail ";in side;\'t Kint;Öztürk\n',
    );
  });

  it('keeps a record whose only field is empty', () => {
    expect(writeCsv(['a'], [[''], ['x']], { lineEnd: '\n' })).toBe('a\n""\nx\n');
    expect(parseCsv(writeCsv(['a;b'], [[''], ['x']])).records.map((r) => r.fields)).toEqual([[''], ['x']]);
  });

  // Text that tends to break CSV: quotes, both separators, line breaks, blanks, non-Latin letters.
  const tricky = fc.oneof(
    fc.string({ unit: fc.constantFrom('"', ';', ',', '\r', '\n', ' ', '\t', 'a', 'é', 'ễ', '😀', '\uFEFF') }),
    fc.string({ unit: 'grapheme' }),
    fc.string(),
  );

  it('property: what writeCsv writes, parseCsv reads back field for field', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 5 })
          .chain((width) =>
            fc.tuple(
              fc.array(tricky, { minLength: width, maxLength: width }),
              fc.array(fc.array(tricky, { minLength: 1, maxLength: 6 }), { maxLength: 8 }),
            ),
          ),
        fc.constantFrom(';' as const, ',' as const),
        fc.constantFrom('\r\n' as const, '\n' as const),
        fc.boolean(),
        ([header, rows], separator, lineEnd, bom) => {
          const parsed = parseCsv(writeCsv(header, rows, { separator, lineEnd, bom }));
          expect(parsed.problems).toEqual([]);
          expect(parsed.separator).toBe(separator);
          expect(parsed.header).toEqual(header);
          expect(parsed.records.map((r) => r.fields)).toEqual(rows);
        },
      ),
      { numRuns: 500 },
    );
  });
});
