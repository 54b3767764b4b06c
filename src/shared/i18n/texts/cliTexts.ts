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
    'cli.purge.backup': 'Back-up vooraf: {file}',
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
    'cli.purge.backup': 'Backup first: {file}',
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
  },
);
