import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportProblem } from '../../../../src/shared/batch/importProblem';
import { CsvStreamParser, MAX_RECORD_CHARS } from '../../../../src/shared/csv/csvStream';
import { parseCsv, type CsvRecord } from '../../../../src/shared/csv/parseCsv';

/** Feeds text to the streamed reader in the given piece sizes and collects what it read. */
function streamed(text: string, pieces: number[]) {
  const records: CsvRecord[] = [];
  const problems: ImportProblem[] = [];
  let separator: string | null = null;
  const parser = new CsvStreamParser('cards.csv', {
    onHeader: (r, sep) => {
      records.push(r);
      separator = sep;
    },
    onRecord: (r) => records.push(r),
    onProblem: (p) => problems.push(p),
  });
  let at = 0;
  for (const size of pieces) {
    if (at >= text.length) break;
    parser.push(text.slice(at, at + size));
    at += size;
  }
  parser.push(text.slice(at));
  parser.end();
  return { records, problems, separator };
}

const csvChar = fc.constantFrom('a', 'é', ' ', '"', '""', ';', ',', '\r', '\n', '\r\n', '1', '\t', '\ufeff');

describe('reading CSV in pieces (cards.csv is streamed)', () => {
  it('gives exactly what parseCsv gives for the whole text, wherever the pieces are cut', () => {
    fc.assert(
      fc.property(
        fc.array(csvChar, { maxLength: 80 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 40 }),
        (chars, pieces) => {
          const text = chars.join('');
          const whole = parseCsv(text);
          const got = streamed(text, pieces);
          const wholeRecords =
            whole.header.length > 0
              ? [{ line: whole.headerLine, fields: whole.header }, ...whole.records]
              : [];
          expect(got.records).toEqual(wholeRecords);
          expect(got.problems).toEqual(whole.problems);
          if (wholeRecords.length > 0) expect(got.separator).toBe(whole.separator);
        },
      ),
      { numRuns: 3000, seed: 8 },
    );
  });

  it('gives up on a record longer than the cap instead of holding the rest of the file', () => {
    const got = streamed(`kaartnummer;naam\r\n"${'x'.repeat(MAX_RECORD_CHARS + 10)}`, [
      64 * 1024,
      ...Array<number>(40).fill(64 * 1024),
    ]);
    expect(got.problems).toEqual([
      {
        code: 'csv_record_too_long',
        severity: 'error',
        file: 'cards.csv',
        line: 2,
        expected: String(MAX_RECORD_CHARS),
      },
    ]);
    expect(got.records).toHaveLength(1);
  });
});
