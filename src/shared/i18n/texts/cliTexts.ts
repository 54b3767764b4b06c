import { defineTexts } from '../catalogue';

/** The CLI's own words (keys start with 'cli.'); its refusals come from the other areas. */
export const cliTexts = defineTexts(
  {
    'cli.verify.noKeysDir': 'De map met sleutels {dir} bestaat niet.',
    'cli.verify.unreadable': '{file}: kan niet gelezen worden ({detail}).',
    'cli.verify.notice': 'Let op: {message}',
    'cli.verify.noneOfYear': 'Geen geldige rapporten van kaartjaar {cardYear} bij de gegeven bestanden.',
    'cli.verify.mergedAnyway': {
      one: 'Toch samengenomen (--allow-conflicts), ondanks {count} probleem in de keten hierboven.',
      other: 'Toch samengenomen (--allow-conflicts), ondanks {count} problemen in de keten hierboven.',
    },
    'cli.verify.chainBroken': {
      one: 'De keten van rapporten klopt niet ({count} probleem hierboven): niets samengenomen. Zoek uit welk rapport echt is; --allow-conflicts neemt ze toch samen.',
      other:
        'De keten van rapporten klopt niet ({count} problemen hierboven): niets samengenomen. Zoek uit welk rapport echt is; --allow-conflicts neemt ze toch samen.',
    },
    'cli.verify.valid':
      '{file}: geldig — {pointId} {cardYear}, rapport {sequence}, {collected}/{cards} afgehaald, ondertekend met {keyFile}.',
    'cli.aggregate.badBy': '--by is province, point of postcode.',
    'cli.aggregate.badFormat': '--format is table, csv of json.',
    'cli.import.moreProblems': { one: '… en nog {count} probleem.', other: '… en nog {count} problemen.' },
    'cli.group.waiting': {
      one: '{count} wachtende kaart voor school {school}.',
      other: '{count} wachtende kaarten voor school {school}.',
    },
    'cli.group.noCards': 'Geef minstens één kaartnummer.',
    'cli.group.noCollector': 'Geef --collector STAMBOEKNR, of --collector-name en --collector-id-note.',
    'cli.group.refused': 'De groep is niet afgegeven; er is niets gewijzigd. Deze kaarten kunnen niet mee:',
    'cli.group.noPdf':
      'Geen Chromium of Chrome gevonden voor een PDF: het ontvangstbewijs is als HTML bewaard.',
    'cli.group.done': {
      one: 'Groep {groupId}: {count} kaart afgegeven om {at}.',
      other: 'Groep {groupId}: {count} kaarten afgegeven om {at}.',
    },
    'cli.group.receipt': 'Ontvangstbewijs: {file} (open en druk af)',
    'cli.purge.archiveErased': {
      one: 'Archief {file}: persoonsgegevens gewist ({count} kaart).',
      other: 'Archief {file}: persoonsgegevens gewist ({count} kaarten).',
    },
    'cli.purge.archiveRefused': 'Archief {file}: {problem}',
    'cli.purge.currentRefused': 'Huidig kaartjaar: {problem}',
    'cli.purge.done':
      'Persoonsgegevens gewist: {cards} kaarten, {groups} groepsafhalingen. Kaartnummers en afhalingen blijven voor de rapporten.',
    'cli.backupFirst': 'Back-up vooraf: {file}',
    'cli.purge.backupsLeft': {
      one: 'Let op: {count} back-up in {dir} bevat nog namen en stamboeknummers. Verwijder ze zodra de wissing gecontroleerd is.',
      other:
        'Let op: {count} back-ups in {dir} bevatten nog namen en stamboeknummers. Verwijder ze zodra de wissing gecontroleerd is.',
    },
    'cli.handout.done': 'Afgegeven: kaart {card} om {at} door {staff}.',
    'cli.void.done': 'Afgifte van kaart {card} geannuleerd; de kaart wacht weer op afhaling.',
    'cli.search.none': 'Geen kaarten gevonden.',
    'cli.search.replacedBy': ' (door {card})',
    'cli.stats.totals': 'Kaarten: {cards}  afgehaald: {collected} ({percent}%)',
    'cli.stats.others':
      'Wachtend: {waiting}  ingetrokken: {revoked}  vervangen: {replaced}  teruggestuurd: {returned}',
    'cli.stats.postcode': 'Postcode',
    'cli.stats.gemeente': 'Gemeente',
    'cli.stats.cards': 'Kaarten',
    'cli.stats.collected': 'Afgehaald',
    'cli.import.refused': 'Het pakket {file} is geweigerd; er is niets gewijzigd.',
    'cli.import.already': 'Pakket {batchId} was al ingelezen; er is niets gewijzigd.',
    'cli.import.summary':
      '{head}: pakket {batchId} voor {pointId}, af te geven van {from} tot en met {until}.',
    'cli.import.headPreview': 'Voorbeeld (nog niets gewijzigd)',
    'cli.import.headDone': 'Ingelezen',
    'cli.import.unsigned':
      'LET OP: ingelezen zonder geldige handtekening van de uitgever (beheerder-uitzondering, in het auditlog).',
    'cli.import.row.added': 'nieuw',
    'cli.import.row.updated': 'bijgewerkt',
    'cli.import.row.unchanged': 'ongewijzigd',
    'cli.import.row.revoked': 'ingetrokken',
    'cli.import.row.replaced': 'vervangen',
    'cli.import.row.skippedOlder': 'overgeslagen (ouder)',
    'cli.import.row.warnings': 'waarschuwingen',
    'cli.init.done': 'Ingesteld: punt {pointId} ({pointName}), balie {deskId}, sleutel uitgever {keyId}.',
    'cli.init.database': 'Database: {path}',
    'cli.backup.exists': '{file} bestaat al; kies een nieuwe bestandsnaam. Er is niets overschreven.',
    'cli.backup.done': 'Back-up gemaakt: {file}',
    'cli.restore.done': 'Teruggezet: {file} (punt {pointId}, {cards} kaarten, schema {schema}).',
    'cli.restore.newEpoch':
      'Nieuw auditbereik {epoch} (terugzetten): het volgende rapport meldt dat aan de uitgever.',
    'cli.restore.reportsCarried': {
      one: '{count} ondertekend rapport van na de back-up blijft bewaard; de nummering gaat verder.',
      other: '{count} ondertekende rapporten van na de back-up blijven bewaard; de nummering gaat verder.',
    },
    'cli.restore.before': 'De toestand van vóór het terugzetten is bewaard in: {file}',
    'cli.leftovers.markOnly': '--staff en --admin-pin horen bij --mark-returned.',
    'cli.writeFailed': '{file} kan niet geschreven worden ({detail}).',
    'cli.leftovers.count': {
      one: 'Niet afgehaald: {count} kaart.',
      other: 'Niet afgehaald: {count} kaarten.',
    },
    'cli.leftovers.csv': 'Lijst voor de uitgever (zonder namen): {file}',
    'cli.leftovers.noneLeft': 'Geen kaarten meer te markeren: alles was al teruggestuurd of afgehaald.',
    'cli.leftovers.marked': {
      one: '{count} kaart gemarkeerd als teruggestuurd naar de uitgever.',
      other: '{count} kaarten gemarkeerd als teruggestuurd naar de uitgever.',
    },
    'cli.audit.anchor.hash': 'die regel is niet meer dezelfde',
    'cli.audit.anchor.missing': 'die regel bestaat niet meer (het log is ingekort)',
    'cli.audit.anchor.epoch': 'die regel hoort nu bij een ander auditbereik (epoch)',
    'cli.audit.reason.hash': 'de inhoud is gewijzigd',
    'cli.audit.reason.chain': 'de keten is onderbroken',
    'cli.audit.reason.sequence': 'een regel ontbreekt of staat op een andere plaats',
    'cli.audit.brokenAt': 'Auditlog NIET in orde bij regel {seq}: {reason}.',
    'cli.audit.anchorBroken':
      'Auditlog NIET in orde: ondertekend rapport {report} droeg auditregel {seq}, maar {reason}. Het log is herschreven nadat het rapport vertrok.',
    'cli.audit.ok': {
      one: 'Auditlog in orde: {count} regel, keten en hashes kloppen.',
      other: 'Auditlog in orde: {count} regels, keten en hashes kloppen.',
    },
    'cli.audit.anchors': {
      one: 'Ondertekende rapporten: {count} kop klopt met het log{beforeRestore}.',
      other: 'Ondertekende rapporten: {count} koppen kloppen met het log{beforeRestore}.',
    },
    'cli.audit.beforeRestore': '; {count} van vóór een teruggezette back-up (niet in dit log)',
    'cli.audit.unknownSub': 'Onbekend: audit {sub}. Gebruik: audit [verify]',
    'cli.pin.notDigits': 'De pincode bestaat alleen uit cijfers.',
    'cli.pin.tooShort': 'De pincode heeft minstens {n} cijfers.',
    'cli.pin.tooLong': 'De pincode heeft hoogstens {n} cijfers.',
    'cli.pin.tooSimple':
      'Die pincode is te makkelijk te raden (zelfde cijfer of een reeks). Kies een andere.',
    'cli.pin.currentRequired': 'Er is al een pincode: geef ook --current met de huidige pincode.',
    'cli.pin.done': 'Beheerderspincode ingesteld.',
    'cli.keys.keyid': 'keyid: {keyId}',
    'cli.keys.enrolAs': 'Naam bij de uitgever: {file}',
    'cli.keys.rotated':
      'Nieuwe sleutel: laat de uitgever die bewaren als {file}, naast de vorige (rapporten met de oude sleutel blijven geldig).',
    'cli.keys.exported': 'Geëxporteerd naar {file}; de uitgever bewaart die als {enrolAs}.',
    'cli.newYear.nothingToClose':
      'Er is nog geen kaartpakket ingelezen: er is geen jaar af te sluiten. Lees het pakket van het nieuwe jaar gewoon in. Er is niets veranderd.',
    'cli.newYear.notAfter':
      'Kaartjaar {year} komt niet na het huidige kaartjaar {current}: een nieuw jaar moet later zijn. Er is niets veranderd.',
    'cli.report.noBatches': 'Er is nog geen kaartpakket ingelezen: er is niets te rapporteren.',
    'cli.newYear.writeFailed':
      'Het eindrapport kan niet geschreven worden naar {file} ({detail}). De restkaarten zijn als teruggestuurd gemarkeerd; het jaar is nog niet afgesloten. Probeer opnieuw met een andere --report.',
    'cli.newYear.cardYearRequired': 'Optie --card-year is verplicht.',
    'cli.newYear.pinRequired':
      'De beheerderspincode is verplicht: --admin-pin PIN, of de omgevingsvariabele {env}.',
    'cli.newYear.closed': 'Kaartjaar {previous} afgesloten; deze balie hoort nu bij kaartjaar {year}.',
    'cli.newYear.leftovers': 'Restkaarten als teruggestuurd gemarkeerd: {n}.',
    'cli.newYear.finalReport':
      'Eindrapport {sequence} van {previous}: {file} ({collected} van {cards} kaarten afgehaald) — bezorg het aan de uitgever.',
    'cli.newYear.archive':
      'Archief van {previous} ({cards} kaarten): {file}. Het blijft bewaard tot de bewaartermijn om is; daarna wist balie purge er de namen uit.',
    'cli.newYear.epoch':
      'Nieuw auditbereik {epoch} (jaarovergang). Lees nu het eerste pakket van {year} in: balie import PAKKET.lkb',
    'cli.report.writeFailed': 'Het rapport kan niet geschreven worden naar {file} ({detail}).',
    'cli.report.done': 'Rapport {sequence} geschreven: {file} ({collected} van {cards} kaarten afgehaald).',
    'cli.report.signedWith': 'Ondertekend met sleutel {keyId}.',
    'cli.report.newKey':
      'Nieuwe sleutel gemaakt: bezorg de publieke sleutel aan de uitgever (balie keys --export BESTAND).',
  },
  {
    'cli.verify.noKeysDir': 'The key folder {dir} does not exist.',
    'cli.verify.unreadable': '{file}: cannot be read ({detail}).',
    'cli.verify.notice': 'Note: {message}',
    'cli.verify.noneOfYear': 'No valid reports of card year {cardYear} among the given files.',
    'cli.verify.mergedAnyway': {
      one: 'Merged anyway (--allow-conflicts), despite {count} problem in the chain above.',
      other: 'Merged anyway (--allow-conflicts), despite {count} problems in the chain above.',
    },
    'cli.verify.chainBroken': {
      one: 'The chain of reports does not add up ({count} problem above): nothing merged. Find out which report is genuine; --allow-conflicts merges them anyway.',
      other:
        'The chain of reports does not add up ({count} problems above): nothing merged. Find out which report is genuine; --allow-conflicts merges them anyway.',
    },
    'cli.verify.valid':
      '{file}: valid — {pointId} {cardYear}, report {sequence}, {collected}/{cards} collected, signed with {keyFile}.',
    'cli.aggregate.badBy': '--by is province, point or postcode.',
    'cli.aggregate.badFormat': '--format is table, csv or json.',
    'cli.import.moreProblems': { one: '… and {count} more problem.', other: '… and {count} more problems.' },
    'cli.group.waiting': {
      one: '{count} waiting card for school {school}.',
      other: '{count} waiting cards for school {school}.',
    },
    'cli.group.noCards': 'Give at least one card number.',
    'cli.group.noCollector': 'Give --collector STAMBOEKNR, or --collector-name and --collector-id-note.',
    'cli.group.refused': 'The group was not handed out; nothing was changed. These cards cannot go:',
    'cli.group.noPdf': 'No Chromium or Chrome found for a PDF: the receipt was saved as HTML.',
    'cli.group.done': {
      one: 'Group {groupId}: {count} card handed out at {at}.',
      other: 'Group {groupId}: {count} cards handed out at {at}.',
    },
    'cli.group.receipt': 'Receipt: {file} (open and print)',
    'cli.purge.archiveErased': {
      one: 'Archive {file}: personal data erased ({count} card).',
      other: 'Archive {file}: personal data erased ({count} cards).',
    },
    'cli.purge.archiveRefused': 'Archive {file}: {problem}',
    'cli.purge.currentRefused': 'Current card year: {problem}',
    'cli.purge.done':
      'Personal data erased: {cards} cards, {groups} group collections. Card numbers and collections stay for the reports.',
    'cli.backupFirst': 'Backup first: {file}',
    'cli.purge.backupsLeft': {
      one: 'Note: {count} backup in {dir} still holds names and stamboeknummers. Delete it once the erasure is checked.',
      other:
        'Note: {count} backups in {dir} still hold names and stamboeknummers. Delete them once the erasure is checked.',
    },
    'cli.handout.done': 'Handed out: card {card} at {at} by {staff}.',
    'cli.void.done': 'Hand-out of card {card} undone; the card is waiting to be collected again.',
    'cli.search.none': 'No cards found.',
    'cli.search.replacedBy': ' (by {card})',
    'cli.stats.totals': 'Cards: {cards}  collected: {collected} ({percent}%)',
    'cli.stats.others': 'Waiting: {waiting}  revoked: {revoked}  replaced: {replaced}  returned: {returned}',
    'cli.stats.postcode': 'Postcode',
    'cli.stats.gemeente': 'Municipality',
    'cli.stats.cards': 'Cards',
    'cli.stats.collected': 'Collected',
    'cli.import.refused': 'The package {file} was refused; nothing was changed.',
    'cli.import.already': 'Package {batchId} was imported before; nothing was changed.',
    'cli.import.summary': '{head}: package {batchId} for {pointId}, to hand out from {from} to {until}.',
    'cli.import.headPreview': 'Preview (nothing changed yet)',
    'cli.import.headDone': 'Imported',
    'cli.import.unsigned':
      'NOTE: imported without a valid issuer signature (admin exception, in the audit log).',
    'cli.import.row.added': 'new',
    'cli.import.row.updated': 'updated',
    'cli.import.row.unchanged': 'unchanged',
    'cli.import.row.revoked': 'revoked',
    'cli.import.row.replaced': 'replaced',
    'cli.import.row.skippedOlder': 'skipped (older)',
    'cli.import.row.warnings': 'warnings',
    'cli.init.done': 'Set up: point {pointId} ({pointName}), desk {deskId}, issuer key {keyId}.',
    'cli.init.database': 'Database: {path}',
    'cli.backup.exists': '{file} exists already; choose a new file name. Nothing was overwritten.',
    'cli.backup.done': 'Backup made: {file}',
    'cli.restore.done': 'Restored: {file} (point {pointId}, {cards} cards, schema {schema}).',
    'cli.restore.newEpoch': 'New audit epoch {epoch} (restore): the next report tells the issuer.',
    'cli.restore.reportsCarried': {
      one: '{count} signed report from after the backup is kept; the numbering continues.',
      other: '{count} signed reports from after the backup are kept; the numbering continues.',
    },
    'cli.restore.before': 'The state from before the restore is kept in: {file}',
    'cli.leftovers.markOnly': '--staff and --admin-pin go with --mark-returned.',
    'cli.writeFailed': '{file} cannot be written ({detail}).',
    'cli.leftovers.count': { one: 'Not collected: {count} card.', other: 'Not collected: {count} cards.' },
    'cli.leftovers.csv': 'List for the issuer (without names): {file}',
    'cli.leftovers.noneLeft': 'No cards left to mark: everything was returned or collected already.',
    'cli.leftovers.marked': {
      one: '{count} card marked as returned to the issuer.',
      other: '{count} cards marked as returned to the issuer.',
    },
    'cli.audit.anchor.hash': 'that entry is no longer the same',
    'cli.audit.anchor.missing': 'that entry no longer exists (the log was cut short)',
    'cli.audit.anchor.epoch': 'that entry now belongs to another audit epoch',
    'cli.audit.reason.hash': 'the contents were changed',
    'cli.audit.reason.chain': 'the chain is broken',
    'cli.audit.reason.sequence': 'an entry is missing or in another place',
    'cli.audit.brokenAt': 'Audit log NOT in order at entry {seq}: {reason}.',
    'cli.audit.anchorBroken':
      'Audit log NOT in order: signed report {report} carried audit entry {seq}, but {reason}. The log was rewritten after the report left.',
    'cli.audit.ok': {
      one: 'Audit log in order: {count} entry, chain and hashes match.',
      other: 'Audit log in order: {count} entries, chain and hashes match.',
    },
    'cli.audit.anchors': {
      one: 'Signed reports: {count} head matches the log{beforeRestore}.',
      other: 'Signed reports: {count} heads match the log{beforeRestore}.',
    },
    'cli.audit.beforeRestore': '; {count} from before a restored backup (not in this log)',
    'cli.audit.unknownSub': 'Unknown: audit {sub}. Use: audit [verify]',
    'cli.pin.notDigits': 'The PIN consists of digits only.',
    'cli.pin.tooShort': 'The PIN has at least {n} digits.',
    'cli.pin.tooLong': 'The PIN has at most {n} digits.',
    'cli.pin.tooSimple': 'That PIN is too easy to guess (the same digit or a run). Choose another one.',
    'cli.pin.currentRequired': 'A PIN is set already: also give --current with the current PIN.',
    'cli.pin.done': 'Admin PIN set.',
    'cli.keys.keyid': 'keyid: {keyId}',
    'cli.keys.enrolAs': 'Name at the issuer: {file}',
    'cli.keys.rotated':
      'New key: have the issuer keep it as {file}, next to the previous one (reports with the old key stay valid).',
    'cli.keys.exported': 'Exported to {file}; the issuer keeps it as {enrolAs}.',
    'cli.newYear.nothingToClose':
      'No card package has been imported yet: there is no year to close. Simply import the package of the new year. Nothing was changed.',
    'cli.newYear.notAfter':
      'Card year {year} does not come after the current card year {current}: a new year must be later. Nothing was changed.',
    'cli.report.noBatches': 'No card package has been imported yet: there is nothing to report.',
    'cli.newYear.writeFailed':
      'The final report cannot be written to {file} ({detail}). The leftover cards are marked as returned; the year is not closed yet. Try again with another --report.',
    'cli.newYear.cardYearRequired': 'Option --card-year is required.',
    'cli.newYear.pinRequired':
      'The admin PIN is required: --admin-pin PIN, or the environment variable {env}.',
    'cli.newYear.closed': 'Card year {previous} closed; this desk now belongs to card year {year}.',
    'cli.newYear.leftovers': 'Leftover cards marked as returned: {n}.',
    'cli.newYear.finalReport':
      'Final report {sequence} of {previous}: {file} ({collected} of {cards} cards collected) — deliver it to the issuer.',
    'cli.newYear.archive':
      'Archive of {previous} ({cards} cards): {file}. It is kept until the retention period is over; then balie purge erases the names from it.',
    'cli.newYear.epoch':
      'New audit epoch {epoch} (year rollover). Now import the first package of {year}: balie import PAKKET.lkb',
    'cli.report.writeFailed': 'The report cannot be written to {file} ({detail}).',
    'cli.report.done': 'Report {sequence} written: {file} ({collected} of {cards} cards collected).',
    'cli.report.signedWith': 'Signed with key {keyId}.',
    'cli.report.newKey': 'New key made: deliver the public key to the issuer (balie keys --export BESTAND).',
  },
);
