import { describe, it, expect } from 'vitest';
import { describeImportProblem } from '../../../../src/shared/i18n/importProblemText';
import type { ImportProblem, ImportProblemCode } from '../../../../src/shared/batch/importProblem';

const ALL_CODES: ImportProblemCode[] = [
  'zip_unreadable',
  'zip_entry_unknown',
  'zip_entry_path',
  'zip_entry_too_large',
  'zip_ratio',
  'zip_entry_missing',
  'zip_entry_duplicate',
  'zip_entry_damaged',
  'zip_total_too_large',
  'manifest_json',
  'manifest_format',
  'manifest_field',
  'signature_missing',
  'signature_encoding',
  'signature_invalid',
  'file_not_in_manifest',
  'file_missing',
  'file_sha256',
  'file_rows',
  'point_mismatch',
  'batch_id_reused',
  'card_year_mismatch',
  'csv_empty',
  'csv_unterminated_quote',
  'csv_text_after_quote',
  'csv_missing_column',
  'csv_duplicate_column',
  'csv_missing_field',
  'csv_record_too_long',
  'csv_too_many_rows',
  'card_number_format',
  'card_number_check',
  'card_number_duplicate',
  'stamboek_format',
  'stamboek_padded',
  'stamboek_duplicate',
  'name_empty',
  'postcode_invalid',
  'school_invalid',
  'status_invalid',
  'point_id_empty',
  'point_id_duplicate',
  'point_postcodes_invalid',
  'point_date_invalid',
  'conflict_handed_out',
  'skipped_older',
  'problems_more',
];

const error = (p: Omit<ImportProblem, 'severity'>): ImportProblem => ({ severity: 'error', ...p });

describe('import problem texts', () => {
  it('says where and what for a wrong check number, in Dutch by default', () => {
    const p = error({
      code: 'card_number_check',
      file: 'cards.csv',
      line: 12,
      column: 1,
      columnName: 'kaartnummer',
      value: '270000000199',
      expected: '54',
    });
    expect(describeImportProblem(p)).toBe(
      'cards.csv, regel 12, kolom 1 (kaartnummer): "270000000199" heeft een verkeerd controlegetal (verwacht 54).',
    );
    expect(describeImportProblem(p, 'en')).toBe(
      'cards.csv, line 12, column 1 (kaartnummer): "270000000199" has a wrong check number (expected 54).',
    );
  });

  it('names the first line of a duplicate card number', () => {
    const p = error({
      code: 'card_number_duplicate',
      file: 'cards.csv',
      line: 40,
      column: 1,
      columnName: 'kaartnummer',
      value: '270000000154',
      otherLine: 2,
    });
    expect(describeImportProblem(p)).toBe(
      'cards.csv, regel 40, kolom 1 (kaartnummer): kaartnummer "270000000154" komt ook voor op regel 2.',
    );
  });

  it('continues in lower case after the place, but keeps file names as they are', () => {
    const p = error({
      code: 'stamboek_format',
      file: 'cards.csv',
      line: 3,
      column: 2,
      columnName: 'stamboeknummer',
    });
    expect(describeImportProblem(p)).toBe(
      'cards.csv, regel 3, kolom 2 (stamboeknummer): het stamboeknummer is ongeldig: het moet uit 11 cijfers bestaan.',
    );
    expect(
      describeImportProblem(
        error({ code: 'manifest_json', file: 'manifest.json', value: 'Unexpected token' }),
      ),
    ).toBe('manifest.json is geen geldige JSON (Unexpected token).');
  });

  it('says an empty card number is empty rather than showing ""', () => {
    const p = error({
      code: 'card_number_format',
      file: 'cards.csv',
      line: 5,
      column: 1,
      columnName: 'kaartnummer',
      value: '',
    });
    expect(describeImportProblem(p)).toBe(
      'cards.csv, regel 5, kolom 1 (kaartnummer): een leeg veld is geen geldig kaartnummer: een kaartnummer heeft precies 12 cijfers.',
    );
  });

  it('explains the package-level problems other parts of the importer report', () => {
    expect(describeImportProblem(error({ code: 'zip_entry_unknown', file: 'package', value: 'x' }))).toBe(
      'Onbekend bestand "x" in het pakket. Toegestaan zijn manifest.json, manifest.sig, cards.csv en points.csv.',
    );
    expect(describeImportProblem(error({ code: 'signature_invalid', file: 'manifest.sig' }))).toBe(
      'De handtekening van manifest.json klopt niet met de sleutel van de uitgever: het pakket is niet van de uitgever of is gewijzigd.',
    );
    expect(
      describeImportProblem(
        error({ code: 'point_mismatch', file: 'manifest.json', value: 'BIB-GENT', expected: 'LETTERENHUIS' }),
      ),
    ).toBe('Dit pakket is voor punt "BIB-GENT", deze installatie is punt "LETTERENHUIS".');
    expect(
      describeImportProblem(error({ code: 'file_rows', file: 'cards.csv', value: '59', expected: '60' })),
    ).toBe('Volgens manifest.json heeft het bestand "cards.csv" 60 rijen, maar er zijn er 59.');
    expect(
      describeImportProblem(
        error({ code: 'manifest_format', file: 'manifest.json', value: 'lerarenkaart-batch/2' }),
      ),
    ).toBe(
      'Het pakketformaat "lerarenkaart-batch/2" wordt niet ondersteund; deze versie leest "lerarenkaart-batch/1".',
    );
  });

  it('reports a card already handed out as not applied', () => {
    const p: ImportProblem = {
      code: 'conflict_handed_out',
      severity: 'warning',
      file: 'cards.csv',
      line: 7,
      value: '270000000154',
    };
    expect(describeImportProblem(p)).toBe(
      'cards.csv, regel 7: kaart "270000000154" is al uitgereikt; de wijziging uit het nieuwe pakket is niet toegepast.',
    );
    expect(describeImportProblem(p, 'en')).toBe(
      'cards.csv, line 7: card "270000000154" was already handed out; the change from the new batch was not applied.',
    );
  });

  it('counts the problems left out through the plural rules: 1 probleem, 0 and 120 problemen', () => {
    const more = (value: string, lang: 'nl' | 'en') =>
      describeImportProblem(error({ code: 'problems_more', file: 'cards.csv', value }), lang);
    expect(more('1', 'nl')).toBe('… en nog 1 probleem (niet getoond).');
    expect(more('120', 'nl')).toBe('… en nog 120 problemen (niet getoond).');
    expect(more('0', 'nl')).toBe('… en nog 0 problemen (niet getoond).');
    expect(more('1', 'en')).toBe('… and 1 more problem (not shown).');
    expect(more('2', 'en')).toBe('… and 2 more problems (not shown).');
  });

  it('names a missing column once', () => {
    const p = error({ code: 'csv_missing_column', file: 'cards.csv', line: 1, columnName: 'postcode' });
    expect(describeImportProblem(p)).toBe(
      'cards.csv, regel 1: de verplichte kolom "postcode" ontbreekt in de kopregel.',
    );
  });

  it('has a Dutch and an English text for every code, with no "undefined" in it', () => {
    for (const code of ALL_CODES) {
      for (const lang of ['nl', 'en'] as const) {
        const bare = describeImportProblem(error({ code, file: 'package' }), lang);
        const full = describeImportProblem(
          error({
            code,
            file: 'cards.csv',
            line: 2,
            column: 3,
            columnName: 'voornaam',
            value: 'v',
            expected: 'e',
            otherLine: 1,
          }),
          lang,
        );
        for (const text of [bare, full]) {
          expect(text).not.toMatch(/undefined|\bnull\b|\[object| {2}/);
          expect(text).toMatch(/[.)]$/);
        }
      }
      expect(describeImportProblem(error({ code, file: 'cards.csv' }), 'nl')).not.toBe(
        describeImportProblem(error({ code, file: 'cards.csv' }), 'en'),
      );
    }
  });

  it('names the entry of a zip bomb by its name, never by its ratio or size (issue 8)', () => {
    const ratio = describeImportProblem(
      error({ code: 'zip_ratio', file: 'cards.csv', value: '1029', expected: '100' }),
    );
    expect(ratio).toBe(
      'Het bestand "cards.csv" in het pakket is verdacht sterk samengedrukt (1029:1, maximaal 100:1); het pakket wordt niet ingelezen.',
    );
    const large = describeImportProblem(
      error({
        code: 'zip_entry_too_large',
        file: 'manifest.json',
        value: String(2 * 1024 * 1024),
        expected: String(64 * 1024),
      }),
    );
    expect(large).toBe(
      'Het bestand "manifest.json" in het pakket is uitgepakt te groot (2 MiB, maximaal 64 KiB); het pakket wordt niet ingelezen.',
    );
    const damaged = describeImportProblem(
      error({ code: 'zip_entry_damaged', file: 'points.csv', zipDamage: 'overlap' }),
    );
    expect(damaged).toContain('"points.csv"');
    expect(damaged).toContain('overlapt met een ander bestand');
  });

  it('never shows a stamboeknummer or a name', () => {
    // The readers never put them in value; the texts for those codes do not print value either.
    for (const code of ['stamboek_format', 'stamboek_padded', 'stamboek_duplicate', 'name_empty'] as const) {
      const text = describeImportProblem(error({ code, file: 'cards.csv', line: 2, value: '05217088972' }));
      expect(text).not.toContain('05217088972');
    }
  });
});
