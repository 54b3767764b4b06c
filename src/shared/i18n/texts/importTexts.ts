import { defineTexts } from './catalogue';

/**
 * Texts of import problems (keys start with 'import.'): one text per ImportProblemCode under
 * 'import.problem.<code>', the reasons a ZIP entry is damaged under 'import.zipDamage.<damage>',
 * and the words around them (where, stand-ins for an empty value). describeImportProblem in
 * ../importProblemText.ts picks them with an exhaustive switch.
 */
export const importTexts = defineTexts(
  {
    'import.problem.zip_unreadable': 'Dit bestand kan niet gelezen worden als batchpakket (ZIP){detail}.',
    'import.problem.zip_entry_damaged':
      'Het bestand{file} in het pakket is beschadigd of misleidend opgeslagen ({damage}); het pakket wordt niet ingelezen.',
    'import.problem.zip_total_too_large':
      'Het pakket is uitgepakt te groot ({size}, maximaal {max}); het pakket wordt niet ingelezen.',
    'import.problem.zip_entry_unknown':
      'Onbekend bestand{name} in het pakket. Toegestaan zijn manifest.json, manifest.sig, cards.csv en points.csv.',
    'import.problem.zip_entry_path':
      'Het pakket bevat {entry} in een map of met een ongeldig pad; alle bestanden moeten in de hoofdmap staan.',
    'import.problem.zip_entry_too_large':
      'Het bestand{file} in het pakket is uitgepakt te groot ({size}, maximaal {max}); het pakket wordt niet ingelezen.',
    'import.problem.zip_ratio':
      'Het bestand{file} in het pakket is verdacht sterk samengedrukt ({ratio}, maximaal {max}:1); het pakket wordt niet ingelezen.',
    'import.problem.zip_entry_missing': 'Het verplichte bestand{name} ontbreekt in het pakket.',
    'import.problem.zip_entry_duplicate': 'Het bestand{name} zit meer dan eens in het pakket.',
    'import.problem.manifest_json': 'manifest.json is geen geldige JSON{detail}.',
    'import.problem.manifest_format':
      'Het pakketformaat {format} wordt niet ondersteund; deze versie leest "{expected}".',
    'import.problem.manifest_field': 'Het veld{field} in manifest.json ontbreekt of is ongeldig{expected}.',
    'import.problem.manifest_field.expected': ' (verwacht: {expected})',
    'import.problem.signature_missing': 'Het pakket is niet ondertekend: manifest.sig ontbreekt.',
    'import.problem.signature_encoding':
      'manifest.sig is geen geldige handtekening: verwacht 64 bytes in base64.',
    'import.problem.signature_invalid':
      'De handtekening van manifest.json klopt niet met de sleutel van de uitgever: het pakket is niet van de uitgever of is gewijzigd.',
    'import.problem.file_not_in_manifest':
      'Het bestand{name} zit in het pakket, maar staat niet in manifest.json.',
    'import.problem.file_missing': 'Het bestand{name} staat in manifest.json, maar ontbreekt in het pakket.',
    'import.problem.file_sha256':
      'De inhoud van het bestand{name} komt niet overeen met manifest.json (andere SHA-256): het bestand is gewijzigd of beschadigd.',
    'import.problem.file_rows':
      'Volgens manifest.json heeft het bestand{file} {expected} rijen, maar er zijn er {actual}.',
    'import.problem.point_mismatch':
      'Dit pakket is voor punt "{point}", deze installatie is punt "{installation}".',
    'import.problem.batch_id_reused':
      'Batch{batch} werd al eerder ingelezen met een andere inhoud. Een gewijzigd pakket moet een nieuw batchId krijgen; er is niets veranderd.',
    'import.problem.card_year_mismatch':
      'Dit pakket is voor kaartjaar {cardYear}, deze installatie werkt met kaartjaar {installationYear}; er is niets veranderd. Begin eerst een nieuw kaartjaar: in Beheer → "Nieuw kaartjaar", of met `balie new-year --card-year {newYear}`; lees het pakket daarna opnieuw in.',
    'import.problem.card_year_mismatch.yearPlaceholder': 'JJJJ',
    'import.problem.csv_empty': 'Het bestand{file} is leeg: er is geen kopregel met kolomnamen.',
    'import.problem.csv_unterminated_quote':
      'Een aanhalingsteken (") wordt nergens afgesloten; vanaf hier kon het bestand niet gelezen worden.',
    'import.problem.csv_text_after_quote':
      'Na het afsluitende aanhalingsteken volgt nog tekst. Zet het hele veld tussen aanhalingstekens en verdubbel de aanhalingstekens erin ("").',
    'import.problem.csv_missing_column': 'De verplichte kolom "{column}" ontbreekt in de kopregel.',
    'import.problem.csv_duplicate_column': 'De kolom "{column}" komt meer dan eens voor in de kopregel.',
    'import.problem.csv_missing_field':
      'Dit veld ontbreekt: de regel heeft {fields} velden, er zijn er minstens {needed} nodig.',
    'import.problem.csv_record_too_long':
      'Deze regel is langer dan {max} tekens (wellicht een aanhalingsteken dat niet wordt afgesloten); het bestand wordt niet verder gelezen.',
    'import.problem.csv_too_many_rows':
      'Het bestand{file} heeft meer dan {max} rijen, meer dan een pakket mag bevatten; het pakket wordt niet ingelezen.',
    'import.problem.card_number_format':
      '{value} is geen geldig kaartnummer: een kaartnummer heeft precies 12 cijfers.',
    'import.problem.card_number_check': '{value} heeft een verkeerd controlegetal (verwacht {expected}).',
    'import.problem.card_number_duplicate': 'Kaartnummer{card} komt ook voor op regel {otherLine}.',
    'import.problem.stamboek_format': 'Het stamboeknummer is ongeldig: het moet uit 11 cijfers bestaan.',
    'import.problem.stamboek_padded':
      'Het stamboeknummer had minder dan 11 cijfers (wellicht weggevallen voorloopnullen) en is vooraan aangevuld met nullen.',
    'import.problem.stamboek_duplicate': 'Dit stamboeknummer komt ook voor op regel {otherLine}.',
    'import.problem.name_empty': 'De naam is leeg; voornaam en achternaam zijn verplicht.',
    'import.problem.postcode_invalid': '{value} is geen geldige postcode: 4 cijfers, van 1000 tot 9999.',
    'import.problem.school_invalid':
      '{value} is geen geldig instellingsnummer: alleen cijfers zijn toegestaan.',
    'import.problem.status_invalid':
      '{value} is geen geldige status: gebruik "beschikbaar", "ingetrokken" of laat het veld leeg.',
    'import.problem.point_id_empty': 'Het punt heeft geen pointId.',
    'import.problem.point_id_duplicate': 'Punt{point} komt ook voor op regel {otherLine}.',
    'import.problem.point_postcodes_invalid':
      '{value} is geen geldige lijst van postcodes: gebruik postcodes van 4 cijfers of bereiken zoals 9000-9052, gescheiden door spaties.',
    'import.problem.point_date_invalid': '{value} is geen geldige datum: gebruik JJJJ-MM-DD.',
    'import.problem.conflict_handed_out':
      'Kaart{card} is al uitgereikt; de wijziging uit het nieuwe pakket is niet toegepast.',
    'import.problem.skipped_older':
      'Kaart{card} kwam al in een nieuwer pakket{issued}; de oudere gegevens uit dit pakket zijn overgeslagen.',
    'import.problem.skipped_older.issued': ' (uitgegeven {issued})',
    'import.problem.problems_more.unknownCount': '… en nog ? problemen (niet getoond).',
    'import.problem.problems_more': {
      one: '… en nog {count} probleem (niet getoond).',
      other: '… en nog {count} problemen (niet getoond).',
    },
    'import.zipDamage.unknown': 'onbekende fout',
    'import.zipDamage.zip64': 'ZIP64 wordt niet ondersteund',
    'import.zipDamage.multi_disk': 'een ZIP over meerdere delen wordt niet ondersteund',
    'import.zipDamage.directory': 'de inhoudsopgave van de ZIP klopt niet',
    'import.zipDamage.too_many_entries': 'te veel bestanden in de ZIP',
    'import.zipDamage.local_header': 'de kop van het bestand ontbreekt of ligt buiten de ZIP',
    'import.zipDamage.header_mismatch': 'de kop van het bestand en de inhoudsopgave spreken elkaar tegen',
    'import.zipDamage.outside_file': 'de opgegeven grootte reikt buiten de ZIP',
    'import.zipDamage.descriptor': 'de grootte na de gegevens klopt niet',
    'import.zipDamage.overlap': 'het overlapt met een ander bestand in de ZIP',
    'import.zipDamage.encrypted': 'het is versleuteld',
    'import.zipDamage.method': 'onbekende compressiemethode',
    'import.zipDamage.size_mismatch': 'de twee opgegeven groottes verschillen',
    'import.zipDamage.inflate': 'de gecomprimeerde gegevens zijn onleesbaar',
    'import.zipDamage.too_long': 'uitgepakt groter dan opgegeven',
    'import.zipDamage.too_short': 'uitgepakt kleiner dan opgegeven',
    'import.zipDamage.truncated':
      'het bestand is korter dan de inhoudsopgave van de ZIP aangeeft; is het onvolledig gekopieerd of gedownload?',
    'import.zipDamage.read_failed': 'het bestand kon niet van de schijf gelezen worden',
    'import.where.line': 'regel {line}',
    'import.where.column': 'kolom {column}',
    'import.ratio.infinite': 'oneindig',
    'import.standIn.aFile': 'een bestand',
    'import.standIn.empty': '(leeg)',
    'import.standIn.emptyField': 'Een leeg veld',
    'import.standIn.cardNumber': 'Het kaartnummer',
    'import.standIn.schoolNumber': 'Het instellingsnummer',
    'import.standIn.status': 'De status',
    'import.standIn.date': 'De datum',
  },
  {
    'import.problem.zip_unreadable': 'This file cannot be read as a batch package (ZIP){detail}.',
    'import.problem.zip_entry_damaged':
      'The file{file} in the package is damaged or stored misleadingly ({damage}); the package is not imported.',
    'import.problem.zip_total_too_large':
      'The package is too large when unpacked ({size}, at most {max}); the package is not imported.',
    'import.problem.zip_entry_unknown':
      'Unknown file{name} in the package. Allowed are manifest.json, manifest.sig, cards.csv and points.csv.',
    'import.problem.zip_entry_path':
      'The package holds {entry} in a folder or with an invalid path; all files must be at the top level.',
    'import.problem.zip_entry_too_large':
      'The file{file} in the package is too large when unpacked ({size}, at most {max}); the package is not imported.',
    'import.problem.zip_ratio':
      'The file{file} in the package is suspiciously highly compressed ({ratio}, at most {max}:1); the package is not imported.',
    'import.problem.zip_entry_missing': 'The required file{name} is missing from the package.',
    'import.problem.zip_entry_duplicate': 'The file{name} occurs more than once in the package.',
    'import.problem.manifest_json': 'manifest.json is not valid JSON{detail}.',
    'import.problem.manifest_format':
      'The package format {format} is not supported; this version reads "{expected}".',
    'import.problem.manifest_field': 'The field{field} in manifest.json is missing or invalid{expected}.',
    'import.problem.manifest_field.expected': ' (expected: {expected})',
    'import.problem.signature_missing': 'The package is not signed: manifest.sig is missing.',
    'import.problem.signature_encoding':
      'manifest.sig is not a valid signature: expected 64 bytes in base64.',
    'import.problem.signature_invalid':
      "The signature of manifest.json does not match the issuer's key: the package is not from the issuer or has been changed.",
    'import.problem.file_not_in_manifest':
      'The file{name} is in the package but not listed in manifest.json.',
    'import.problem.file_missing': 'The file{name} is listed in manifest.json but missing from the package.',
    'import.problem.file_sha256':
      'The contents of the file{name} do not match manifest.json (different SHA-256): the file was changed or damaged.',
    'import.problem.file_rows': 'manifest.json says the file{file} has {expected} rows, but it has {actual}.',
    'import.problem.point_mismatch':
      'This package is for point "{point}", this installation is point "{installation}".',
    'import.problem.batch_id_reused':
      'Batch{batch} was imported before with different contents. A changed package needs a new batchId; nothing was changed.',
    'import.problem.card_year_mismatch':
      'This package is for card year {cardYear}, this installation works with card year {installationYear}; nothing was changed. Start a new card year first: in Beheer → "Nieuw kaartjaar", or with `balie new-year --card-year {newYear}`; then import the package again.',
    'import.problem.card_year_mismatch.yearPlaceholder': 'YYYY',
    'import.problem.csv_empty': 'The file{file} is empty: there is no header line with column names.',
    'import.problem.csv_unterminated_quote':
      'A quote (") is never closed; the file could not be read from here on.',
    'import.problem.csv_text_after_quote':
      'Text follows the closing quote. Put the whole field in quotes and double the quotes inside it ("").',
    'import.problem.csv_missing_column': 'The required column "{column}" is missing from the header line.',
    'import.problem.csv_duplicate_column': 'The column "{column}" occurs more than once in the header line.',
    'import.problem.csv_missing_field':
      'This field is missing: the line has {fields} fields, at least {needed} are needed.',
    'import.problem.csv_record_too_long':
      'This line is longer than {max} characters (perhaps a quote that is never closed); the file is not read further.',
    'import.problem.csv_too_many_rows':
      'The file{file} has more than {max} rows, more than a package may hold; the package is not imported.',
    'import.problem.card_number_format':
      '{value} is not a valid card number: a card number has exactly 12 digits.',
    'import.problem.card_number_check': '{value} has a wrong check number (expected {expected}).',
    'import.problem.card_number_duplicate': 'Card number{card} also occurs on line {otherLine}.',
    'import.problem.stamboek_format': 'The stamboeknummer is invalid: it must have 11 digits.',
    'import.problem.stamboek_padded':
      'The stamboeknummer had fewer than 11 digits (probably lost leading zeros) and was padded with zeros at the front.',
    'import.problem.stamboek_duplicate': 'This stamboeknummer also occurs on line {otherLine}.',
    'import.problem.name_empty': 'The name is empty; first name and surname are required.',
    'import.problem.postcode_invalid': '{value} is not a valid postcode: 4 digits, from 1000 to 9999.',
    'import.problem.school_invalid': '{value} is not a valid school number (instellingsnummer): digits only.',
    'import.problem.status_invalid':
      '{value} is not a valid status: use "beschikbaar", "ingetrokken" or leave the field empty.',
    'import.problem.point_id_empty': 'The point has no pointId.',
    'import.problem.point_id_duplicate': 'Point{point} also occurs on line {otherLine}.',
    'import.problem.point_postcodes_invalid':
      '{value} is not a valid list of postcodes: use 4-digit postcodes or ranges like 9000-9052, separated by spaces.',
    'import.problem.point_date_invalid': '{value} is not a valid date: use YYYY-MM-DD.',
    'import.problem.conflict_handed_out':
      'Card{card} was already handed out; the change from the new batch was not applied.',
    'import.problem.skipped_older':
      'Card{card} already came in a newer batch{issued}; the older data from this batch was skipped.',
    'import.problem.skipped_older.issued': ' (issued {issued})',
    'import.problem.problems_more.unknownCount': '… and ? more problems (not shown).',
    'import.problem.problems_more': {
      one: '… and {count} more problem (not shown).',
      other: '… and {count} more problems (not shown).',
    },
    'import.zipDamage.unknown': 'unknown fault',
    'import.zipDamage.zip64': 'ZIP64 is not supported',
    'import.zipDamage.multi_disk': 'multi-part ZIPs are not supported',
    'import.zipDamage.directory': 'the ZIP directory is inconsistent',
    'import.zipDamage.too_many_entries': 'too many files in the ZIP',
    'import.zipDamage.local_header': 'its header is missing or outside the ZIP',
    'import.zipDamage.header_mismatch': 'its header and the ZIP directory disagree',
    'import.zipDamage.outside_file': 'its declared size reaches beyond the ZIP',
    'import.zipDamage.descriptor': 'the sizes after its data do not match',
    'import.zipDamage.overlap': 'it overlaps another file in the ZIP',
    'import.zipDamage.encrypted': 'it is encrypted',
    'import.zipDamage.method': 'unknown compression method',
    'import.zipDamage.size_mismatch': 'its two declared sizes differ',
    'import.zipDamage.inflate': 'the compressed data is unreadable',
    'import.zipDamage.too_long': 'larger when unpacked than declared',
    'import.zipDamage.too_short': 'smaller when unpacked than declared',
    'import.zipDamage.truncated':
      'the file is shorter than its ZIP directory says; was it copied or downloaded incompletely?',
    'import.zipDamage.read_failed': 'the file could not be read from the disk',
    'import.where.line': 'line {line}',
    'import.where.column': 'column {column}',
    'import.ratio.infinite': 'infinite',
    'import.standIn.aFile': 'a file',
    'import.standIn.empty': '(empty)',
    'import.standIn.emptyField': 'An empty field',
    'import.standIn.cardNumber': 'The card number',
    'import.standIn.schoolNumber': 'The school number',
    'import.standIn.status': 'The status',
    'import.standIn.date': 'The date',
  },
);
