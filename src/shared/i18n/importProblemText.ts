import { BATCH_FORMAT } from '../batch/manifest';
import type { ImportProblem, ZipDamage } from '../batch/importProblem';
import { assertNever } from '../result';

/**
 * The text a librarian reads for an import problem: where (file, line, column) and what, in
 * plain words that do not blame anyone. Every code has a case in both languages: a new code in
 * ImportProblemCode fails to compile here until it has its text.
 */
export type ProblemLanguage = 'nl' | 'en';

export function describeImportProblem(p: ImportProblem, lang: ProblemLanguage = 'nl'): string {
  const where = location(p, lang);
  const what = lang === 'nl' ? dutch(p) : english(p);
  return where ? `${where}: ${lowerFirst(what)}` : what;
}

/**
 * `cards.csv, regel 12, kolom 1 (kaartnummer)`. Only problems at a line get a prefix: the texts of
 * whole-file and package problems name the file themselves.
 */
function location(p: ImportProblem, lang: ProblemLanguage): string {
  if (p.line === undefined) return '';
  const [lineWord, columnWord] = lang === 'nl' ? ['regel', 'kolom'] : ['line', 'column'];
  const parts = [entryName(p), `${lineWord} ${p.line}`].filter((part) => part !== '');
  if (p.column !== undefined)
    parts.push(`${columnWord} ${p.column}` + (p.columnName ? ` (${p.columnName})` : ''));
  return parts.join(', ');
}

/** The entry the problem is about; `package` means the package as a whole, which has no name. */
function entryName(p: ImportProblem): string {
  return p.file === 'package' ? '' : p.file;
}

/** ` "x"`: the entry named by value (zip and file problems) or else by file; '' if neither. */
function entryNamed(p: ImportProblem): string {
  return named(p.value ?? entryName(p));
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
function quoted(value: string | undefined, empty: string): string {
  return value ? `"${value}"` : empty;
}

/** Bytes for a message (`64 KiB`, `200 MiB`), or `?`. */
function mib(bytes: string | undefined): string {
  const n = Number(bytes);
  if (bytes === undefined || !Number.isFinite(n)) return '?';
  if (n < 1024 * 1024) return `${Math.ceil(n / 1024)} KiB`;
  const value = n / (1024 * 1024);
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} MiB`;
}

function ratio(value: string | undefined, lang: ProblemLanguage): string {
  if (value === 'oneindig') return lang === 'nl' ? 'oneindig' : 'infinite';
  return `${value ?? '?'}:1`;
}

/** ` (reason)` for a package that cannot be read, or the raw detail it carried. */
function detail(p: ImportProblem, v: string | undefined, lang: ProblemLanguage): string {
  if (p.zipDamage) return ` (${zipDamageText(p.zipDamage, lang)})`;
  return v ? ` (${v})` : '';
}

function zipDamageText(d: ZipDamage | undefined, lang: ProblemLanguage): string {
  const nl = lang === 'nl';
  switch (d) {
    case undefined:
      return nl ? 'onbekende fout' : 'unknown fault';
    case 'zip64':
      return nl ? 'ZIP64 wordt niet ondersteund' : 'ZIP64 is not supported';
    case 'multi_disk':
      return nl ? 'een ZIP over meerdere delen wordt niet ondersteund' : 'multi-part ZIPs are not supported';
    case 'directory':
      return nl ? 'de inhoudsopgave van de ZIP klopt niet' : 'the ZIP directory is inconsistent';
    case 'too_many_entries':
      return nl ? 'te veel bestanden in de ZIP' : 'too many files in the ZIP';
    case 'local_header':
      return nl
        ? 'de kop van het bestand ontbreekt of ligt buiten de ZIP'
        : 'its header is missing or outside the ZIP';
    case 'header_mismatch':
      return nl
        ? 'de kop van het bestand en de inhoudsopgave spreken elkaar tegen'
        : 'its header and the ZIP directory disagree';
    case 'outside_file':
      return nl ? 'de opgegeven grootte reikt buiten de ZIP' : 'its declared size reaches beyond the ZIP';
    case 'descriptor':
      return nl ? 'de grootte na de gegevens klopt niet' : 'the sizes after its data do not match';
    case 'overlap':
      return nl ? 'het overlapt met een ander bestand in de ZIP' : 'it overlaps another file in the ZIP';
    case 'encrypted':
      return nl ? 'het is versleuteld' : 'it is encrypted';
    case 'method':
      return nl ? 'onbekende compressiemethode' : 'unknown compression method';
    case 'size_mismatch':
      return nl ? 'de twee opgegeven groottes verschillen' : 'its two declared sizes differ';
    case 'inflate':
      return nl ? 'de gecomprimeerde gegevens zijn onleesbaar' : 'the compressed data is unreadable';
    case 'too_long':
      return nl ? 'uitgepakt groter dan opgegeven' : 'larger when unpacked than declared';
    case 'too_short':
      return nl ? 'uitgepakt kleiner dan opgegeven' : 'smaller when unpacked than declared';
    case 'truncated':
      return nl
        ? 'het bestand is korter dan de inhoudsopgave van de ZIP aangeeft; is het onvolledig gekopieerd of gedownload?'
        : 'the file is shorter than its ZIP directory says; was it copied or downloaded incompletely?';
    case 'read_failed':
      return nl
        ? 'het bestand kon niet van de schijf gelezen worden'
        : 'the file could not be read from the disk';
    default:
      return assertNever(d);
  }
}

function dutch(p: ImportProblem): string {
  const v = p.value;
  const e = p.expected;
  const name = entryNamed(p);
  const file = named(entryName(p));
  switch (p.code) {
    case 'zip_unreadable':
      return `Dit bestand kan niet gelezen worden als batchpakket (ZIP)${detail(p, v, 'nl')}.`;
    case 'zip_entry_damaged':
      return `Het bestand${file} in het pakket is beschadigd of misleidend opgeslagen (${zipDamageText(p.zipDamage, 'nl')}); het pakket wordt niet ingelezen.`;
    case 'zip_total_too_large':
      return `Het pakket is uitgepakt te groot (${mib(v)}, maximaal ${mib(e)}); het pakket wordt niet ingelezen.`;
    case 'zip_entry_unknown':
      return `Onbekend bestand${named(v)} in het pakket. Toegestaan zijn manifest.json, manifest.sig, cards.csv en points.csv.`;
    case 'zip_entry_path':
      return `Het pakket bevat ${quoted(v, 'een bestand')} in een map of met een ongeldig pad; alle bestanden moeten in de hoofdmap staan.`;
    case 'zip_entry_too_large':
      return `Het bestand${file} in het pakket is uitgepakt te groot (${mib(v)}, maximaal ${mib(e)}); het pakket wordt niet ingelezen.`;
    case 'zip_ratio':
      return `Het bestand${file} in het pakket is verdacht sterk samengedrukt (${ratio(v, 'nl')}, maximaal ${e ?? '?'}:1); het pakket wordt niet ingelezen.`;
    case 'zip_entry_missing':
      return `Het verplichte bestand${name} ontbreekt in het pakket.`;
    case 'zip_entry_duplicate':
      return `Het bestand${name} zit meer dan eens in het pakket.`;
    case 'manifest_json':
      return `manifest.json is geen geldige JSON${v ? ` (${v})` : ''}.`;
    case 'manifest_format':
      return `Het pakketformaat ${quoted(v, '(leeg)')} wordt niet ondersteund; deze versie leest "${e ?? BATCH_FORMAT}".`;
    case 'manifest_field':
      return `Het veld${named(v ?? p.columnName)} in manifest.json ontbreekt of is ongeldig${e ? ` (verwacht: ${e})` : ''}.`;
    case 'signature_missing':
      return 'Het pakket is niet ondertekend: manifest.sig ontbreekt.';
    case 'signature_encoding':
      return 'manifest.sig is geen geldige handtekening: verwacht 64 bytes in base64.';
    case 'signature_invalid':
      return 'De handtekening van manifest.json klopt niet met de sleutel van de uitgever: het pakket is niet van de uitgever of is gewijzigd.';
    case 'file_not_in_manifest':
      return `Het bestand${name} zit in het pakket, maar staat niet in manifest.json.`;
    case 'file_missing':
      return `Het bestand${name} staat in manifest.json, maar ontbreekt in het pakket.`;
    case 'file_sha256':
      return `De inhoud van het bestand${name} komt niet overeen met manifest.json (andere SHA-256): het bestand is gewijzigd of beschadigd.`;
    case 'file_rows':
      return `Volgens manifest.json heeft het bestand${file} ${e ?? '?'} rijen, maar er zijn er ${v ?? '?'}.`;
    case 'point_mismatch':
      return `Dit pakket is voor punt "${v ?? '?'}", deze installatie is punt "${e ?? '?'}".`;
    case 'batch_id_reused':
      return `Batch${named(v)} werd al eerder ingelezen met een andere inhoud. Een gewijzigd pakket moet een nieuw batchId krijgen; er is niets veranderd.`;
    case 'card_year_mismatch':
      return `Dit pakket is voor kaartjaar ${v ?? '?'}, deze installatie werkt met kaartjaar ${e ?? '?'}; er is niets veranderd. Begin eerst een nieuw kaartjaar: in Beheer → "Nieuw kaartjaar", of met \`balie new-year --card-year ${v ?? 'JJJJ'}\`; lees het pakket daarna opnieuw in.`;
    case 'csv_empty':
      return `Het bestand${file} is leeg: er is geen kopregel met kolomnamen.`;
    case 'csv_unterminated_quote':
      return 'Een aanhalingsteken (") wordt nergens afgesloten; vanaf hier kon het bestand niet gelezen worden.';
    case 'csv_text_after_quote':
      return 'Na het afsluitende aanhalingsteken volgt nog tekst. Zet het hele veld tussen aanhalingstekens en verdubbel de aanhalingstekens erin ("").';
    case 'csv_missing_column':
      return `De verplichte kolom "${p.columnName ?? '?'}" ontbreekt in de kopregel.`;
    case 'csv_duplicate_column':
      return `De kolom "${p.columnName ?? '?'}" komt meer dan eens voor in de kopregel.`;
    case 'csv_missing_field':
      return `Dit veld ontbreekt: de regel heeft ${v ?? '?'} velden, er zijn er minstens ${e ?? '?'} nodig.`;
    case 'csv_record_too_long':
      return `Deze regel is langer dan ${e ?? '?'} tekens (wellicht een aanhalingsteken dat niet wordt afgesloten); het bestand wordt niet verder gelezen.`;
    case 'csv_too_many_rows':
      return `Het bestand${file} heeft meer dan ${e ?? '?'} rijen, meer dan een pakket mag bevatten; het pakket wordt niet ingelezen.`;
    case 'card_number_format':
      return `${quoted(v, 'Een leeg veld')} is geen geldig kaartnummer: een kaartnummer heeft precies 12 cijfers.`;
    case 'card_number_check':
      return `${quoted(v, 'Het kaartnummer')} heeft een verkeerd controlegetal (verwacht ${e ?? '?'}).`;
    case 'card_number_duplicate':
      return `Kaartnummer${named(v)} komt ook voor op regel ${p.otherLine ?? '?'}.`;
    case 'stamboek_format':
      return 'Het stamboeknummer is ongeldig: het moet uit 11 cijfers bestaan.';
    case 'stamboek_padded':
      return 'Het stamboeknummer had minder dan 11 cijfers (wellicht weggevallen voorloopnullen) en is vooraan aangevuld met nullen.';
    case 'stamboek_duplicate':
      return `Dit stamboeknummer komt ook voor op regel ${p.otherLine ?? '?'}.`;
    case 'name_empty':
      return 'De naam is leeg; voornaam en achternaam zijn verplicht.';
    case 'postcode_invalid':
      return `${quoted(v, 'Een leeg veld')} is geen geldige postcode: 4 cijfers, van 1000 tot 9999.`;
    case 'school_invalid':
      return `${quoted(v, 'Het instellingsnummer')} is geen geldig instellingsnummer: alleen cijfers zijn toegestaan.`;
    case 'status_invalid':
      return `${quoted(v, 'De status')} is geen geldige status: gebruik "beschikbaar", "ingetrokken" of laat het veld leeg.`;
    case 'point_id_empty':
      return 'Het punt heeft geen pointId.';
    case 'point_id_duplicate':
      return `Punt${named(v)} komt ook voor op regel ${p.otherLine ?? '?'}.`;
    case 'point_postcodes_invalid':
      return `${quoted(v, 'Een leeg veld')} is geen geldige lijst van postcodes: gebruik postcodes van 4 cijfers of bereiken zoals 9000-9052, gescheiden door spaties.`;
    case 'point_date_invalid':
      return `${quoted(v, 'De datum')} is geen geldige datum: gebruik JJJJ-MM-DD.`;
    case 'conflict_handed_out':
      return `Kaart${named(v)} is al uitgereikt; de wijziging uit het nieuwe pakket is niet toegepast.`;
    case 'skipped_older':
      return `Kaart${named(v)} kwam al in een nieuwer pakket${e ? ` (uitgegeven ${e})` : ''}; de oudere gegevens uit dit pakket zijn overgeslagen.`;
    case 'problems_more':
      return `… en nog ${v ?? '?'} ${v === '1' ? 'probleem' : 'problemen'} (niet getoond).`;
    default:
      return assertNever(p.code);
  }
}

function english(p: ImportProblem): string {
  const v = p.value;
  const e = p.expected;
  const name = entryNamed(p);
  const file = named(entryName(p));
  switch (p.code) {
    case 'zip_unreadable':
      return `This file cannot be read as a batch package (ZIP)${detail(p, v, 'en')}.`;
    case 'zip_entry_damaged':
      return `The file${file} in the package is damaged or stored misleadingly (${zipDamageText(p.zipDamage, 'en')}); the package is not imported.`;
    case 'zip_total_too_large':
      return `The package is too large when unpacked (${mib(v)}, at most ${mib(e)}); the package is not imported.`;
    case 'zip_entry_unknown':
      return `Unknown file${named(v)} in the package. Allowed are manifest.json, manifest.sig, cards.csv and points.csv.`;
    case 'zip_entry_path':
      return `The package holds ${quoted(v, 'a file')} in a folder or with an invalid path; all files must be at the top level.`;
    case 'zip_entry_too_large':
      return `The file${file} in the package is too large when unpacked (${mib(v)}, at most ${mib(e)}); the package is not imported.`;
    case 'zip_ratio':
      return `The file${file} in the package is suspiciously highly compressed (${ratio(v, 'en')}, at most ${e ?? '?'}:1); the package is not imported.`;
    case 'zip_entry_missing':
      return `The required file${name} is missing from the package.`;
    case 'zip_entry_duplicate':
      return `The file${name} occurs more than once in the package.`;
    case 'manifest_json':
      return `manifest.json is not valid JSON${v ? ` (${v})` : ''}.`;
    case 'manifest_format':
      return `The package format ${quoted(v, '(empty)')} is not supported; this version reads "${e ?? BATCH_FORMAT}".`;
    case 'manifest_field':
      return `The field${named(v ?? p.columnName)} in manifest.json is missing or invalid${e ? ` (expected: ${e})` : ''}.`;
    case 'signature_missing':
      return 'The package is not signed: manifest.sig is missing.';
    case 'signature_encoding':
      return 'manifest.sig is not a valid signature: expected 64 bytes in base64.';
    case 'signature_invalid':
      return "The signature of manifest.json does not match the issuer's key: the package is not from the issuer or has been changed.";
    case 'file_not_in_manifest':
      return `The file${name} is in the package but not listed in manifest.json.`;
    case 'file_missing':
      return `The file${name} is listed in manifest.json but missing from the package.`;
    case 'file_sha256':
      return `The contents of the file${name} do not match manifest.json (different SHA-256): the file was changed or damaged.`;
    case 'file_rows':
      return `manifest.json says the file${file} has ${e ?? '?'} rows, but it has ${v ?? '?'}.`;
    case 'point_mismatch':
      return `This package is for point "${v ?? '?'}", this installation is point "${e ?? '?'}".`;
    case 'batch_id_reused':
      return `Batch${named(v)} was imported before with different contents. A changed package needs a new batchId; nothing was changed.`;
    case 'card_year_mismatch':
      return `This package is for card year ${v ?? '?'}, this installation works with card year ${e ?? '?'}; nothing was changed. Start a new card year first: in Beheer → "Nieuw kaartjaar", or with \`balie new-year --card-year ${v ?? 'YYYY'}\`; then import the package again.`;
    case 'csv_empty':
      return `The file${file} is empty: there is no header line with column names.`;
    case 'csv_unterminated_quote':
      return 'A quote (") is never closed; the file could not be read from here on.';
    case 'csv_text_after_quote':
      return 'Text follows the closing quote. Put the whole field in quotes and double the quotes inside it ("").';
    case 'csv_missing_column':
      return `The required column "${p.columnName ?? '?'}" is missing from the header line.`;
    case 'csv_duplicate_column':
      return `The column "${p.columnName ?? '?'}" occurs more than once in the header line.`;
    case 'csv_missing_field':
      return `This field is missing: the line has ${v ?? '?'} fields, at least ${e ?? '?'} are needed.`;
    case 'csv_record_too_long':
      return `This line is longer than ${e ?? '?'} characters (perhaps a quote that is never closed); the file is not read further.`;
    case 'csv_too_many_rows':
      return `The file${file} has more than ${e ?? '?'} rows, more than a package may hold; the package is not imported.`;
    case 'card_number_format':
      return `${quoted(v, 'An empty field')} is not a valid card number: a card number has exactly 12 digits.`;
    case 'card_number_check':
      return `${quoted(v, 'The card number')} has a wrong check number (expected ${e ?? '?'}).`;
    case 'card_number_duplicate':
      return `Card number${named(v)} also occurs on line ${p.otherLine ?? '?'}.`;
    case 'stamboek_format':
      return 'The stamboeknummer is invalid: it must have 11 digits.';
    case 'stamboek_padded':
      return 'The stamboeknummer had fewer than 11 digits (probably lost leading zeros) and was padded with zeros at the front.';
    case 'stamboek_duplicate':
      return `This stamboeknummer also occurs on line ${p.otherLine ?? '?'}.`;
    case 'name_empty':
      return 'The name is empty; first name and surname are required.';
    case 'postcode_invalid':
      return `${quoted(v, 'An empty field')} is not a valid postcode: 4 digits, from 1000 to 9999.`;
    case 'school_invalid':
      return `${quoted(v, 'The school number')} is not a valid school number (instellingsnummer): digits only.`;
    case 'status_invalid':
      return `${quoted(v, 'The status')} is not a valid status: use "beschikbaar", "ingetrokken" or leave the field empty.`;
    case 'point_id_empty':
      return 'The point has no pointId.';
    case 'point_id_duplicate':
      return `Point${named(v)} also occurs on line ${p.otherLine ?? '?'}.`;
    case 'point_postcodes_invalid':
      return `${quoted(v, 'An empty field')} is not a valid list of postcodes: use 4-digit postcodes or ranges like 9000-9052, separated by spaces.`;
    case 'point_date_invalid':
      return `${quoted(v, 'The date')} is not a valid date: use YYYY-MM-DD.`;
    case 'conflict_handed_out':
      return `Card${named(v)} was already handed out; the change from the new batch was not applied.`;
    case 'skipped_older':
      return `Card${named(v)} already came in a newer batch${e ? ` (issued ${e})` : ''}; the older data from this batch was skipped.`;
    case 'problems_more':
      return `… and ${v ?? '?'} more ${v === '1' ? 'problem' : 'problems'} (not shown).`;
    default:
      return assertNever(p.code);
  }
}
