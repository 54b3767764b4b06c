import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { unzipSync } from 'fflate';
import { readCardRows } from '../../../../src/shared/batch/readCardRows';
import { decodeCsvBytes } from '../../../../src/shared/csv/decodeText';
import { makeCardNumber } from '../../../../src/shared/domain/cardNumber';
import type { ImportProblem } from '../../../../src/shared/batch/importProblem';

const HEADER = 'kaartnummer;stamboeknummer;voornaam;achternaam;postcode;gemeente;instellingsnummer;status';
const GOOD = '270000000154;77886501365;Pieter;Van de Velde;9000;Gent;029377;';
const GOOD2 = '270000000255;13786650925;Frédéric;Janssens;9040;Sint-Amandsberg;001013;ingetrokken';

function cards(...lines: string[]): string {
  return [HEADER, ...lines].join('\r\n') + '\r\n';
}

const codes = (problems: ImportProblem[]) => problems.map((p) => p.code);
const errorsOf = (problems: ImportProblem[]) => problems.filter((p) => p.severity === 'error');

describe('reading cards.csv', () => {
  it('reads valid rows with every field', () => {
    const { rows, problems } = readCardRows(cards(GOOD, GOOD2));
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        card: '270000000154',
        stamboeknummer: '77886501365',
        voornaam: 'Pieter',
        achternaam: 'Van de Velde',
        postcode: '9000',
        gemeente: 'Gent',
        school: '029377',
        status: 'beschikbaar',
      },
      {
        line: 3,
        card: '270000000255',
        stamboeknummer: '13786650925',
        voornaam: 'Frédéric',
        achternaam: 'Janssens',
        postcode: '9040',
        gemeente: 'Sint-Amandsberg',
        school: '001013',
        status: 'ingetrokken',
      },
    ]);
  });

  it('accepts header names in any case and order, with spaces, and ignores unknown columns', () => {
    const text =
      ' Postcode ,OPMERKING,Achternaam,Voornaam,StamboekNummer,KAARTNUMMER\n9000,vip,Van de Velde,Pieter,77886501365,270000000154\n';
    const { rows, problems } = readCardRows(text);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({
      card: '270000000154',
      postcode: '9000',
      gemeente: null,
      school: null,
      status: 'beschikbaar',
    });
  });

  it('keeps names with particles and any Unicode letters exactly', () => {
    const { rows } = readCardRows(
      cards(
        "270000000154;77886501365;Thi Hoa;'t Kint;9000;;;",
        '270000000255;13786650925;Ayşe;Öztürk-Çelik;9040;;;',
        '270000000356;99928128835;Văn;Nguyễn;9000;;;',
      ),
    );
    expect(rows.map((r) => r.achternaam)).toEqual(["'t Kint", 'Öztürk-Çelik', 'Nguyễn']);
  });

  it('reads a Windows-1252 file from Excel with é and ë intact', () => {
    const latin1 = Uint8Array.from(cards('270000000154;77886501365;Joëlle;Frère;9000;Gent;;'), (ch) =>
      ch.charCodeAt(0),
    );
    const { text, encoding } = decodeCsvBytes(latin1);
    expect(encoding).toBe('windows-1252');
    expect(readCardRows(text).rows[0]).toMatchObject({ voornaam: 'Joëlle', achternaam: 'Frère' });
  });

  it('reads a file with comma separators and quoted fields', () => {
    const text =
      'kaartnummer,stamboeknummer,voornaam,achternaam,postcode,gemeente\n"270000000154","77886501365","Jan, Piet","de Smet","9000","Sint-Martens-Latem"\n';
    const { rows, problems } = readCardRows(text);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({
      voornaam: 'Jan, Piet',
      achternaam: 'de Smet',
      gemeente: 'Sint-Martens-Latem',
    });
  });

  it('reads status case-insensitively and with spaces, empty meaning beschikbaar', () => {
    const { rows, problems } = readCardRows(
      cards(
        '270000000154;77886501365;A;B;9000;;; INGETROKKEN ',
        '270000000255;13786650925;A;B;9000;;;Beschikbaar',
        '270000000356;99928128835;A;B;9000;;;',
      ),
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.status)).toEqual(['ingetrokken', 'beschikbaar', 'beschikbaar']);
  });

  it('accepts rows that leave out trailing optional fields', () => {
    const { rows, problems } = readCardRows(cards('270000000154;77886501365;Pieter;Peeters;9000'));
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ gemeente: null, school: null, status: 'beschikbaar' });
  });

  it('reports a card number that is not 12 digits, with line, column and the value', () => {
    const { rows, problems } = readCardRows(cards(GOOD, '27000000015;13786650925;A;B;9000;;;'));
    expect(rows).toHaveLength(1);
    expect(problems).toEqual([
      {
        code: 'card_number_format',
        severity: 'error',
        file: 'cards.csv',
        line: 3,
        column: 1,
        columnName: 'kaartnummer',
        value: '27000000015',
      },
    ]);
  });

  it('reports a wrong check number separately, with the expected check', () => {
    const { problems } = readCardRows(cards('270000000199;77886501365;A;B;9000;;;'));
    expect(problems).toEqual([
      {
        code: 'card_number_check',
        severity: 'error',
        file: 'cards.csv',
        line: 2,
        column: 1,
        columnName: 'kaartnummer',
        value: '270000000199',
        expected: '54',
      },
    ]);
  });

  it('reports a card number that occurs twice, pointing at the first line', () => {
    const { problems } = readCardRows(cards(GOOD, GOOD2, '270000000154;11111111111;A;B;9000;;;'));
    expect(problems).toEqual([
      {
        code: 'card_number_duplicate',
        severity: 'error',
        file: 'cards.csv',
        line: 4,
        column: 1,
        columnName: 'kaartnummer',
        value: '270000000154',
        otherLine: 2,
      },
    ]);
  });

  it('pads a stamboeknummer that lost its leading zeros, with a warning', () => {
    const { rows, problems } = readCardRows(cards('270000000154;5217088972;A;B;9000;;;'));
    expect(rows[0]?.stamboeknummer).toBe('05217088972');
    expect(problems).toEqual([
      {
        code: 'stamboek_padded',
        severity: 'warning',
        file: 'cards.csv',
        line: 2,
        column: 2,
        columnName: 'stamboeknummer',
      },
    ]);
  });

  it('refuses a malformed stamboeknummer without repeating it in the message data', () => {
    const { rows, problems } = readCardRows(cards('270000000154;1234567;A;B;9000;;;'));
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      {
        code: 'stamboek_format',
        severity: 'error',
        file: 'cards.csv',
        line: 2,
        column: 2,
        columnName: 'stamboeknummer',
      },
    ]);
  });

  it('reports a stamboeknummer used twice (also once padded), without the number itself', () => {
    const { problems } = readCardRows(
      cards('270000000154;05217088972;A;B;9000;;;', '270000000255;5217088972;A;B;9000;;;'),
    );
    expect(problems).toEqual([
      {
        code: 'stamboek_padded',
        severity: 'warning',
        file: 'cards.csv',
        line: 3,
        column: 2,
        columnName: 'stamboeknummer',
      },
      {
        code: 'stamboek_duplicate',
        severity: 'error',
        file: 'cards.csv',
        line: 3,
        column: 2,
        columnName: 'stamboeknummer',
        otherLine: 2,
      },
    ]);
    for (const p of problems) expect(p.value).toBeUndefined();
  });

  it('reports empty first names and surnames without putting names in the data', () => {
    const { rows, problems } = readCardRows(
      cards('270000000154;77886501365;;  ;9000;;;', '270000000255;13786650925;"  ";X;9000;;;'),
    );
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.code, p.line, p.column, p.columnName, p.value])).toEqual([
      ['name_empty', 2, 3, 'voornaam', undefined],
      ['name_empty', 2, 4, 'achternaam', undefined],
      ['name_empty', 3, 3, 'voornaam', undefined],
    ]);
  });

  it('reports postcodes that are not 4 digits from 1000 to 9999', () => {
    const { problems } = readCardRows(
      cards(
        '270000000154;77886501365;A;B;0999;;;',
        '270000000255;13786650925;A;B;B-9000;;;',
        '270000000356;99928128835;A;B;;;;',
      ),
    );
    expect(problems.map((p) => [p.code, p.line, p.column, p.value])).toEqual([
      ['postcode_invalid', 2, 5, '0999'],
      ['postcode_invalid', 3, 5, 'B-9000'],
      ['postcode_invalid', 4, 5, ''],
    ]);
  });

  it('reports a school number with anything but digits, and keeps leading zeros of good ones', () => {
    const { rows, problems } = readCardRows(
      cards('270000000154;77886501365;A;B;9000;;029377;', '270000000255;13786650925;A;B;9000;;12-34;'),
    );
    expect(rows[0]?.school).toBe('029377');
    expect(problems.map((p) => [p.code, p.line, p.column, p.value])).toEqual([
      ['school_invalid', 3, 7, '12-34'],
    ]);
  });

  it('reports an unknown status', () => {
    const { problems } = readCardRows(cards('270000000154;77886501365;A;B;9000;;;geblokkeerd'));
    expect(problems.map((p) => [p.code, p.line, p.column, p.columnName, p.value])).toEqual([
      ['status_invalid', 2, 8, 'status', 'geblokkeerd'],
    ]);
  });

  it('reports every problem of a row and of the whole file, in file order', () => {
    const { rows, problems } = readCardRows(cards('x;y;;;z;;a;b', GOOD, '270000000199;1;;;0;;;'));
    expect(rows).toHaveLength(1);
    expect(problems.map((p) => `${p.line}:${p.column}:${p.code}`)).toEqual([
      '2:1:card_number_format',
      '2:2:stamboek_format',
      '2:3:name_empty',
      '2:4:name_empty',
      '2:5:postcode_invalid',
      '2:7:school_invalid',
      '2:8:status_invalid',
      '4:1:card_number_check',
      '4:2:stamboek_format',
      '4:3:name_empty',
      '4:4:name_empty',
      '4:5:postcode_invalid',
    ]);
  });

  it('names each missing required column on the header line', () => {
    const { rows, problems } = readCardRows('kaartnummer;voornaam;gemeente\n270000000154;A;Gent\n');
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      {
        code: 'csv_missing_column',
        severity: 'error',
        file: 'cards.csv',
        line: 1,
        columnName: 'stamboeknummer',
      },
      { code: 'csv_missing_column', severity: 'error', file: 'cards.csv', line: 1, columnName: 'achternaam' },
      { code: 'csv_missing_column', severity: 'error', file: 'cards.csv', line: 1, columnName: 'postcode' },
    ]);
  });

  it('reports a column that occurs twice in the header', () => {
    const { problems } = readCardRows(`${HEADER};Postcode\n${GOOD};9000\n`);
    expect(problems).toEqual([
      {
        code: 'csv_duplicate_column',
        severity: 'error',
        file: 'cards.csv',
        line: 1,
        column: 9,
        columnName: 'Postcode',
      },
    ]);
  });

  it('reports a row that stops before a required column', () => {
    const { rows, problems } = readCardRows(cards('270000000154;77886501365;A', GOOD2));
    expect(rows).toHaveLength(1);
    expect(problems).toEqual([
      {
        code: 'csv_missing_field',
        severity: 'error',
        file: 'cards.csv',
        line: 2,
        column: 4,
        columnName: 'achternaam',
        value: '3',
        expected: '5',
      },
    ]);
  });

  it('reports an empty file', () => {
    expect(readCardRows('')).toEqual({
      rows: [],
      problems: [{ code: 'csv_empty', severity: 'error', file: 'cards.csv' }],
    });
    expect(readCardRows('\r\n')).toEqual({
      rows: [],
      problems: [{ code: 'csv_empty', severity: 'error', file: 'cards.csv' }],
    });
  });

  it('reads a header without rows as zero cards', () => {
    expect(readCardRows(cards())).toEqual({ rows: [], problems: [] });
  });

  it('reports CSV quoting problems with the cards.csv file name', () => {
    const { problems } = readCardRows(cards(GOOD, '270000000255;13786650925;"Jan"x;B;9000;;;'));
    expect(problems).toEqual([
      { code: 'csv_text_after_quote', severity: 'error', file: 'cards.csv', line: 3, column: 3 },
    ]);
  });

  it('reports the line where a record starts when an earlier field spans lines', () => {
    const { problems } = readCardRows(
      cards('270000000154;77886501365;"Pieter\nJan";B;9000;;;', '270000000199;13786650925;A;B;9000;;;'),
    );
    expect(problems.map((p) => [p.code, p.line])).toEqual([['card_number_check', 4]]);
  });

  it('reads 200,000 cards without a problem', () => {
    const lines = [HEADER];
    for (let i = 0; i < 200_000; i++)
      lines.push(
        `${makeCardNumber(2_700_000_000 + i)};${String(10_000_000_000 + i)};Joëlle;Van den Broeck;9000;Gent;;`,
      );
    const { rows, problems } = readCardRows(lines.join('\n'));
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(200_000);
    expect(rows[199_999]?.line).toBe(200_001);
  });
});

describe('the example packages', () => {
  function cardsCsvOf(name: string): string {
    const entries = unzipSync(readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url)));
    const bytes = entries['cards.csv'];
    if (!bytes) throw new Error(`${name} has no cards.csv`);
    return decodeCsvBytes(bytes).text;
  }

  it('reads the 60 cards of gent-small.lkb without errors, some of them withdrawn', () => {
    const { rows, problems } = readCardRows(cardsCsvOf('gent-small.lkb'));
    expect(errorsOf(problems)).toEqual([]);
    expect(rows).toHaveLength(60);
    expect(rows.some((r) => r.status === 'ingetrokken')).toBe(true);
  });

  it('reads the 3,000 cards of letterenhuis.lkb without errors', () => {
    const { rows, problems } = readCardRows(cardsCsvOf('letterenhuis.lkb'));
    expect(errorsOf(problems)).toEqual([]);
    expect(codes(problems).every((c) => c === 'stamboek_padded')).toBe(true);
    expect(rows).toHaveLength(3000);
    expect(new Set(rows.map((r) => r.card)).size).toBe(3000);
  });
});
