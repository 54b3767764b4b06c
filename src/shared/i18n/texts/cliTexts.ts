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
  },
);
