import { describe, it, expect } from 'vitest';
import { parseCsv } from '../../../../src/shared/csv/parseCsv';

const fieldsOf = (text: string) => parseCsv(text).records.map((r) => r.fields);

describe('reading CSV', () => {
  it('reads a header and records separated by semicolons', () => {
    const parsed = parseCsv('a;b;c\n1;2;3\n4;5;6\n');
    expect(parsed.separator).toBe(';');
    expect(parsed.header).toEqual(['a', 'b', 'c']);
    expect(parsed.headerLine).toBe(1);
    expect(parsed.records).toEqual([
      { line: 2, fields: ['1', '2', '3'] },
      { line: 3, fields: ['4', '5', '6'] },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('takes a comma as separator when the header uses commas', () => {
    const parsed = parseCsv('a,b\n"x;y",2\n');
    expect(parsed.separator).toBe(',');
    expect(parsed.records[0]?.fields).toEqual(['x;y', '2']);
  });

  it('takes the separator from the header only, whatever the data lines hold', () => {
    const parsed = parseCsv('a;b\nVan den Broeck, Jan;2\n');
    expect(parsed.separator).toBe(';');
    expect(parsed.records[0]?.fields).toEqual(['Van den Broeck, Jan', '2']);
  });

  it('ignores separators inside quotes in the header when choosing the separator', () => {
    const parsed = parseCsv('"a;1",b\nx,y\n');
    expect(parsed.separator).toBe(',');
    expect(parsed.header).toEqual(['a;1', 'b']);
  });

  it('falls back to semicolons for a header with a single column', () => {
    expect(parseCsv('kaartnummer\n270000000154\n').separator).toBe(';');
    expect(parseCsv('').separator).toBe(';');
  });

  it('reads Windows (CRLF), Unix (LF) and old Mac (CR) line ends alike', () => {
    for (const eol of ['\r\n', '\n', '\r']) {
      const parsed = parseCsv(['a;b', '1;2', '3;4'].join(eol) + eol);
      expect(parsed.records).toEqual([
        { line: 2, fields: ['1', '2'] },
        { line: 3, fields: ['3', '4'] },
      ]);
    }
  });

  it('reads a file without a line end after the last record', () => {
    expect(fieldsOf('a;b\r\n1;2')).toEqual([['1', '2']]);
  });

  it('ignores trailing empty lines and empty lines in between, but keeps counting lines', () => {
    const parsed = parseCsv('a;b\n\n1;2\r\n\r\n   \n3;4\n\n\n');
    expect(parsed.records).toEqual([
      { line: 3, fields: ['1', '2'] },
      { line: 6, fields: ['3', '4'] },
    ]);
  });

  it('finds the header after leading empty lines', () => {
    const parsed = parseCsv('\n\na,b\n1,2\n');
    expect(parsed.headerLine).toBe(3);
    expect(parsed.separator).toBe(',');
    expect(parsed.records).toEqual([{ line: 4, fields: ['1', '2'] }]);
  });

  it('keeps a line of empty fields (only separators) as a record', () => {
    expect(fieldsOf('a;b\n;\n')).toEqual([['', '']]);
  });

  it('keeps a line with just "" as a record with one empty field', () => {
    expect(fieldsOf('a;b\n""\n')).toEqual([['']]);
  });

  it('trims spaces around unquoted fields but keeps spaces inside quotes', () => {
    expect(fieldsOf('a;b;c\n  9000 ; " Gent " ;\t x y \t\n')).toEqual([['9000', ' Gent ', 'x y']]);
  });

  it('reads quoted fields with doubled quotes, separators and line breaks inside', () => {
    expect(fieldsOf('a;b\n"Café ""De Kroon""";"x;y\r\nz"\n')).toEqual([['Café "De Kroon"', 'x;y\r\nz']]);
  });

  it('counts the lines of a quoted line break, so later records report their real line', () => {
    const parsed = parseCsv('a;b\n"one\ntwo\r\nthree\rfour";x\n5;6\n');
    expect(parsed.records.map((r) => r.line)).toEqual([2, 6]);
  });

  it('reads an empty quoted field as empty text', () => {
    expect(fieldsOf('a;b;c\n"";x;""\n')).toEqual([['', 'x', '']]);
  });

  it('keeps a quote in the middle of an unquoted field as it is', () => {
    expect(fieldsOf('a;b\n\'t Kint;5"\n')).toEqual([["'t Kint", '5"']]);
  });

  it('keeps an empty last field when a line ends with the separator', () => {
    expect(fieldsOf('a;b;c\n1;2;\n')).toEqual([['1', '2', '']]);
  });

  it('ignores a byte order mark left in the text', () => {
    expect(parseCsv('\uFEFFkaartnummer;postcode\n1;2\n').header).toEqual(['kaartnummer', 'postcode']);
  });

  it('gives an empty header and no records for an empty file', () => {
    expect(parseCsv('')).toEqual({ separator: ';', header: [], headerLine: 1, records: [], problems: [] });
    expect(parseCsv('\r\n\r\n').header).toEqual([]);
  });

  it('reports a quote that is never closed, with line and column, instead of failing', () => {
    const parsed = parseCsv('a;b\n1;2\n3;"open\n4;5\n', 'points.csv');
    expect(parsed.problems).toEqual([
      { code: 'csv_unterminated_quote', severity: 'error', file: 'points.csv', line: 3, column: 2 },
    ]);
    expect(parsed.records).toEqual([{ line: 2, fields: ['1', '2'] }]);
  });

  it('reports text after a closing quote and keeps reading the next lines', () => {
    const parsed = parseCsv('a;b;c\n1;"ab"c;3\n4;5;6\n');
    expect(parsed.problems).toEqual([
      { code: 'csv_text_after_quote', severity: 'error', file: 'cards.csv', line: 2, column: 2 },
    ]);
    expect(parsed.records).toEqual([
      { line: 2, fields: ['1', 'abc', '3'] },
      { line: 3, fields: ['4', '5', '6'] },
    ]);
  });

  it('allows spaces between a closing quote and the separator', () => {
    const parsed = parseCsv('a;b\n"x"  ;"y" \n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.records[0]?.fields).toEqual(['x', 'y']);
  });

  it('reads 200,000 card rows (about 20 MB), every accented name intact', () => {
    const lines = [
      'kaartnummer;stamboeknummer;voornaam;achternaam;postcode;gemeente;instellingsnummer;status',
    ];
    for (let i = 0; i < 200_000; i++) {
      const serial = String(2_700_000_000 + i);
      lines.push(
        `${serial}54;${String(10_000_000_000 + i)};"Joëlle Marie";Van den Broeck-Çelik;9000;Sint-Amandsberg;${String(i % 1_000_000).padStart(6, '0')};beschikbaar`,
      );
    }
    const text = lines.join('\r\n') + '\r\n';
    expect(text.length).toBeGreaterThan(19_000_000);
    // How fast is measured in `npm run bench`, never here: a loaded machine must not fail the suite.
    const parsed = parseCsv(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.length).toBe(200_000);
    expect(parsed.records[199_999]?.fields.slice(2, 4)).toEqual(['Joëlle Marie', 'Van den Broeck-Çelik']);
  });
});
