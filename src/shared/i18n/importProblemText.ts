import { BATCH_FORMAT } from '../batch/manifest';
import type { ImportProblem, ZipDamage } from '../batch/importProblem';
import type { Lang } from '../lang';
import { assertNever } from '../result';
import type { Translate } from './texts/catalogue';
import { translatorFor } from './texts/catalogue';
import { importTexts } from './texts/importTexts';

/**
 * The text a librarian reads for an import problem: where (file, line, column) and what, in
 * plain words that do not blame anyone. The words are in texts/importTexts.ts; the switch below
 * is exhaustive, so a new code in ImportProblemCode fails to compile here until it has its text.
 */
export type ProblemLanguage = Lang;
type ImportTranslate = Translate<typeof importTexts.nl>;

const translators: Partial<Record<Lang, ImportTranslate>> = {};

function importTextsFor(lang: Lang): ImportTranslate {
  return (translators[lang] ??= translatorFor(importTexts, lang));
}

export function describeImportProblem(p: ImportProblem, lang: ProblemLanguage = 'nl'): string {
  const t = importTextsFor(lang);
  const where = location(p, t);
  const what = problemText(p, t);
  return where ? `${where}: ${lowerFirst(what)}` : what;
}

/**
 * `cards.csv, regel 12, kolom 1 (kaartnummer)`. Only problems at a line get a prefix: the texts of
 * whole-file and package problems name the file themselves.
 */
function location(p: ImportProblem, t: ImportTranslate): string {
  if (p.line === undefined) return '';
  const parts = [entryName(p), t('import.where.line', { line: p.line })].filter((part) => part !== '');
  if (p.column !== undefined)
    parts.push(t('import.where.column', { column: p.column }) + (p.columnName ? ` (${p.columnName})` : ''));
  return parts.join(', ');
}

/** The entry the problem is about; `package` means the package as a whole, which has no name. */
function entryName(p: ImportProblem): string {
  return p.file === 'package' ? '' : p.file;
}

/** After "…: " a sentence goes on in lower case, but not "ZIP" or "manifest.json". */
function lowerFirst(text: string): string {
  const [first = '', second = ''] = text;
  return first !== first.toLowerCase() && second === second.toLowerCase()
    ? first.toLowerCase() + text.slice(1)
    : text;
}

/** ` "value"` to follow a noun, or nothing when there is no value. */
function named(value: string | undefined): string {
  return value ? ` "${value}"` : '';
}

/** `"value"`, or a stand-in when the field was empty or the value is unknown. */
function quoted(value: string | undefined, standIn: string): string {
  return value ? `"${value}"` : standIn;
}

/** ` (detail)` after a sentence, or nothing. */
function inBrackets(detail: string | undefined): string {
  return detail ? ` (${detail})` : '';
}

/** Bytes for a message (`64 KiB`, `200 MiB`), or `?`. */
function mib(bytes: string | undefined): string {
  const n = Number(bytes);
  if (bytes === undefined || !Number.isFinite(n)) return '?';
  if (n < 1024 * 1024) return `${Math.ceil(n / 1024)} KiB`;
  const value = n / (1024 * 1024);
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} MiB`;
}

function ratio(value: string | undefined, t: ImportTranslate): string {
  if (value === 'oneindig') return t('import.ratio.infinite');
  return `${value ?? '?'}:1`;
}

function zipDamageText(d: ZipDamage | undefined, t: ImportTranslate): string {
  switch (d) {
    case undefined:
      return t('import.zipDamage.unknown');
    case 'zip64':
    case 'multi_disk':
    case 'directory':
    case 'too_many_entries':
    case 'local_header':
    case 'header_mismatch':
    case 'outside_file':
    case 'descriptor':
    case 'overlap':
    case 'encrypted':
    case 'method':
    case 'size_mismatch':
    case 'inflate':
    case 'too_long':
    case 'too_short':
    case 'truncated':
    case 'read_failed':
      return t(`import.zipDamage.${d}`);
    default:
      return assertNever(d);
  }
}

function problemText(p: ImportProblem, t: ImportTranslate): string {
  const v = p.value;
  const e = p.expected;
  /** The entry named by value (zip and file problems) or else by file. */
  const name = named(v ?? entryName(p));
  const file = named(entryName(p));
  const otherLine = p.otherLine ?? '?';
  switch (p.code) {
    case 'zip_unreadable':
      return t('import.problem.zip_unreadable', {
        detail: p.zipDamage ? inBrackets(zipDamageText(p.zipDamage, t)) : inBrackets(v),
      });
    case 'zip_entry_damaged':
      return t('import.problem.zip_entry_damaged', { file, damage: zipDamageText(p.zipDamage, t) });
    case 'zip_total_too_large':
      return t('import.problem.zip_total_too_large', { size: mib(v), max: mib(e) });
    case 'zip_entry_unknown':
      return t('import.problem.zip_entry_unknown', { name: named(v) });
    case 'zip_entry_path':
      return t('import.problem.zip_entry_path', { entry: quoted(v, t('import.standIn.aFile')) });
    case 'zip_entry_too_large':
      return t('import.problem.zip_entry_too_large', { file, size: mib(v), max: mib(e) });
    case 'zip_ratio':
      return t('import.problem.zip_ratio', { file, ratio: ratio(v, t), max: e ?? '?' });
    case 'zip_entry_missing':
    case 'zip_entry_duplicate':
    case 'file_not_in_manifest':
    case 'file_missing':
    case 'file_sha256':
      return t(`import.problem.${p.code}`, { name });
    case 'manifest_json':
      return t('import.problem.manifest_json', { detail: inBrackets(v) });
    case 'manifest_format':
      return t('import.problem.manifest_format', {
        format: quoted(v, t('import.standIn.empty')),
        expected: e ?? BATCH_FORMAT,
      });
    case 'manifest_field':
      return t('import.problem.manifest_field', {
        field: named(v ?? p.columnName),
        expected: e ? t('import.problem.manifest_field.expected', { expected: e }) : '',
      });
    case 'signature_missing':
    case 'signature_encoding':
    case 'signature_invalid':
    case 'csv_unterminated_quote':
    case 'csv_text_after_quote':
    case 'stamboek_format':
    case 'stamboek_padded':
    case 'name_empty':
    case 'point_id_empty':
      return t(`import.problem.${p.code}`);
    case 'file_rows':
      return t('import.problem.file_rows', { file, expected: e ?? '?', actual: v ?? '?' });
    case 'point_mismatch':
      return t('import.problem.point_mismatch', { point: v ?? '?', installation: e ?? '?' });
    case 'batch_id_reused':
      return t('import.problem.batch_id_reused', { batch: named(v) });
    case 'card_year_mismatch':
      return t('import.problem.card_year_mismatch', {
        cardYear: v ?? '?',
        installationYear: e ?? '?',
        newYear: v ?? t('import.problem.card_year_mismatch.yearPlaceholder'),
      });
    case 'csv_empty':
      return t('import.problem.csv_empty', { file });
    case 'csv_missing_column':
    case 'csv_duplicate_column':
      return t(`import.problem.${p.code}`, { column: p.columnName ?? '?' });
    case 'csv_missing_field':
      return t('import.problem.csv_missing_field', { fields: v ?? '?', needed: e ?? '?' });
    case 'csv_record_too_long':
      return t('import.problem.csv_record_too_long', { max: e ?? '?' });
    case 'csv_too_many_rows':
      return t('import.problem.csv_too_many_rows', { file, max: e ?? '?' });
    case 'card_number_format':
    case 'postcode_invalid':
    case 'point_postcodes_invalid':
      return t(`import.problem.${p.code}`, { value: quoted(v, t('import.standIn.emptyField')) });
    case 'card_number_check':
      return t('import.problem.card_number_check', {
        value: quoted(v, t('import.standIn.cardNumber')),
        expected: e ?? '?',
      });
    case 'card_number_duplicate':
      return t('import.problem.card_number_duplicate', { card: named(v), otherLine });
    case 'stamboek_duplicate':
      return t('import.problem.stamboek_duplicate', { otherLine });
    case 'school_invalid':
      return t('import.problem.school_invalid', { value: quoted(v, t('import.standIn.schoolNumber')) });
    case 'status_invalid':
      return t('import.problem.status_invalid', { value: quoted(v, t('import.standIn.status')) });
    case 'point_id_duplicate':
      return t('import.problem.point_id_duplicate', { point: named(v), otherLine });
    case 'point_date_invalid':
      return t('import.problem.point_date_invalid', { value: quoted(v, t('import.standIn.date')) });
    case 'conflict_handed_out':
      return t('import.problem.conflict_handed_out', { card: named(v) });
    case 'skipped_older':
      return t('import.problem.skipped_older', {
        card: named(v),
        issued: e ? t('import.problem.skipped_older.issued', { issued: e }) : '',
      });
    case 'problems_more': {
      return v !== undefined && /^\d+$/.test(v)
        ? t('import.problem.problems_more', { count: Number(v) })
        : t('import.problem.problems_more.unknownCount');
    }
    default:
      return assertNever(p.code);
  }
}
