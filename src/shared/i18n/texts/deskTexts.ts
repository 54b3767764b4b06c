import { defineTexts } from './catalogue';

/** Why the desk refuses a card or an action, as every screen and the CLI say it (keys start with 'desk.'). */
export const deskTexts = defineTexts(
  {
    'desk.refusal.alreadyCollected': 'Al afgehaald op {day} om {time} ({desk}, {staff}, {how}).',
    'desk.otherDesk': 'andere balie',
    'desk.name.invalid':
      'Geef de balie een naam van 1 tot {max} gewone tekens, zoals "Balie 1" of "Groepen". Er is niets gewijzigd.',
    'desk.name.taken':
      'Er is al een balie met de naam "{name}" op dit punt. Kies een andere naam; er is niets gewijzigd.',
    'desk.refusal.how.group': 'groepsafhaling',
    'desk.refusal.how.self': 'zelf',
    'desk.refusal.revoked': 'Geen recht meer: de uitgever heeft deze kaart ingetrokken. Niet afgeven.',
    'desk.refusal.replaced': 'Vervangen door kaart {card}: geef de nieuwe kaart af, niet deze.',
    'desk.refusal.returned': 'Deze kaart is teruggestuurd naar de uitgever en is niet meer aan de balie.',
    'desk.refusal.beforePeriod': 'Buiten de afhaalperiode: afhalen kan vanaf {day}.',
    'desk.refusal.afterPeriod': 'Buiten de afhaalperiode: de laatste afhaaldag hier was {day}.',
    'desk.problem.idNotChecked': 'Bevestig eerst dat de identiteit gecontroleerd is.',
    'desk.problem.unknownStaff': '"{staff}" staat niet in de lijst van medewerkers van dit punt.',
    'desk.problem.invalidCardNumber':
      '{card} is geen geldig kaartnummer (controlegetal klopt niet). Scan of typ het opnieuw.',
    'desk.problem.invalidCardNumberNoCard':
      'Dit is geen geldig kaartnummer (controlegetal klopt niet). Scan of typ het opnieuw.',
    'desk.problem.notHereAt': 'Niet in deze bibliotheek — waarschijnlijk bij {naam}, {adres} ({uren}).',
    'desk.problem.notHere':
      'Niet in deze bibliotheek. Vraag de postcode van het woonadres om te zien waar de kaart waarschijnlijk is.',
    'desk.problem.invalidRequest': 'Ongeldige invoer: {issues}.',
    'desk.problem.notCollected': 'Deze kaart is niet afgehaald; er is niets te annuleren.',
    'desk.problem.adminPinRequired':
      'Afgegeven op {day}: een afgifte van een vorige dag annuleren kan alleen met de beheerderspincode.',
    'desk.problem.pinNotSet':
      'Er is nog geen beheerderspincode ingesteld. Stel die eerst in (balie admin-pin).',
    'desk.problem.pinWrong': {
      one: 'Verkeerde beheerderspincode; er is niets gewijzigd. Nog {count} poging voor een tijdelijke blokkering.',
      other:
        'Verkeerde beheerderspincode; er is niets gewijzigd. Nog {count} pogingen voor een tijdelijke blokkering.',
    },
    'desk.problem.pinLocked': {
      one: 'Te veel verkeerde pincodes: opnieuw proberen over {count} seconde.',
      other: 'Te veel verkeerde pincodes: opnieuw proberen over {count} seconden.',
    },
    'desk.problem.collectorUnknown':
      'Deze afhaler heeft hier geen kaart. Noteer naam en identiteitsbewijs in de plaats.',
    'desk.problem.groupTooLarge':
      'Te veel kaarten in één groep: {size}, het maximum is {max}. Splits de groep.',
    'desk.problem.duplicateInGroup': 'Deze kaart staat al in de lijst.',
    'desk.problem.storeFull':
      'De schijf van deze pc is vol: de afgifte is niet opgeslagen. Geef de kaart nog niet mee. Maak ruimte vrij (of verwittig de IT-dienst) en probeer opnieuw.',
    'desk.problem.storeBusy':
      'Een andere balie houdt de database bezet: de afgifte is niet opgeslagen. Geef de kaart nog niet mee en probeer het zo opnieuw.',
    'desk.cardStatus.waiting': 'wacht op afhaling',
    'desk.cardStatus.collected': 'afgehaald',
    'desk.cardStatus.revoked': 'ingetrokken',
    'desk.cardStatus.replaced': 'vervangen',
    'desk.cardStatus.returned': 'teruggestuurd',
  },
  {
    'desk.refusal.alreadyCollected': 'Already collected on {day} at {time} ({desk}, {staff}, {how}).',
    'desk.otherDesk': 'another desk',
    'desk.name.invalid':
      'Give the desk a name of 1 to {max} ordinary characters, such as "Balie 1" or "Groups". Nothing was changed.',
    'desk.name.taken':
      'This point already has a desk named "{name}". Choose another name; nothing was changed.',
    'desk.refusal.how.group': 'group collection',
    'desk.refusal.how.self': 'in person',
    'desk.refusal.revoked': 'No longer entitled: the issuer revoked this card. Do not hand it out.',
    'desk.refusal.replaced': 'Replaced by card {card}: hand out the new card, not this one.',
    'desk.refusal.returned': 'This card was returned to the issuer and is no longer at the desk.',
    'desk.refusal.beforePeriod': 'Outside the collection period: collection starts on {day}.',
    'desk.refusal.afterPeriod': 'Outside the collection period: the last day here was {day}.',
    'desk.problem.idNotChecked': 'First confirm that the identity was checked.',
    'desk.problem.unknownStaff': '"{staff}" is not on this point\'s staff list.',
    'desk.problem.invalidCardNumber':
      '{card} is not a valid card number (check digits do not match). Scan or type it again.',
    'desk.problem.invalidCardNumberNoCard':
      'This is not a valid card number (check digits do not match). Scan or type it again.',
    'desk.problem.notHereAt': 'Not at this library — most likely at {naam}, {adres} ({uren}).',
    'desk.problem.notHere':
      'Not at this library. Ask for the home postcode to see where the card most likely is.',
    'desk.problem.invalidRequest': 'Invalid input: {issues}.',
    'desk.problem.notCollected': 'This card was not collected; nothing to undo.',
    'desk.problem.adminPinRequired':
      'Handed out on {day}: undoing a hand-out from an earlier day needs the admin PIN.',
    'desk.problem.pinNotSet': 'No admin PIN has been set yet. Set one first (balie admin-pin).',
    'desk.problem.pinWrong': {
      one: 'Wrong admin PIN; nothing was changed. {count} more try before a temporary lock.',
      other: 'Wrong admin PIN; nothing was changed. {count} more tries before a temporary lock.',
    },
    'desk.problem.pinLocked': {
      one: 'Too many wrong PINs: try again in {count} second.',
      other: 'Too many wrong PINs: try again in {count} seconds.',
    },
    'desk.problem.collectorUnknown':
      'This collector has no card here. Record their name and ID document instead.',
    'desk.problem.groupTooLarge':
      'Too many cards in one group: {size}, the maximum is {max}. Split the group.',
    'desk.problem.duplicateInGroup': 'This card is already in the list.',
    'desk.problem.storeFull':
      "This PC's disk is full: the hand-out was not saved. Do not hand over the card yet. Free up space (or call IT) and try again.",
    'desk.problem.storeBusy':
      'Another desk is holding the database: the hand-out was not saved. Do not hand over the card yet and try again in a moment.',
    'desk.cardStatus.waiting': 'waiting',
    'desk.cardStatus.collected': 'collected',
    'desk.cardStatus.revoked': 'revoked',
    'desk.cardStatus.replaced': 'replaced',
    'desk.cardStatus.returned': 'returned',
  },
);
