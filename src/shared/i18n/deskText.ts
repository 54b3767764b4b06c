import type { CardRefusal } from '../desk/cardVerdict';
import { assertNever } from '../result';
import { brusselsDate, brusselsTime } from '../time/brussels';
import type { Lang } from './lang';

/** `2027-01-05` → `05-01-2027`, as Belgians write dates. */
export function belgianDate(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}-${m}-${y}`;
}

export function describeCardRefusal(refusal: CardRefusal, lang: Lang = 'nl'): string {
  const nl = lang === 'nl';
  switch (refusal.error) {
    case 'already_collected': {
      const when = new Date(refusal.at);
      const day = belgianDate(brusselsDate(when));
      const time = brusselsTime(when);
      const how =
        refusal.method === 'group' ? (nl ? 'groepsafhaling' : 'group collection') : nl ? 'zelf' : 'in person';
      return nl
        ? `Al afgehaald op ${day} om ${time} (${refusal.deskId}, ${refusal.staff}, ${how}).`
        : `Already collected on ${day} at ${time} (${refusal.deskId}, ${refusal.staff}, ${how}).`;
    }
    case 'revoked':
      return nl
        ? 'Geen recht meer: de uitgever heeft deze kaart ingetrokken. Niet afgeven.'
        : 'No longer entitled: the issuer revoked this card. Do not hand it out.';
    case 'replaced':
      return nl
        ? `Vervangen door kaart ${refusal.replacedBy}: geef de nieuwe kaart af, niet deze.`
        : `Replaced by card ${refusal.replacedBy}: hand out the new card, not this one.`;
    case 'returned':
      return nl
        ? 'Deze kaart is teruggestuurd naar de uitgever en is niet meer aan de balie.'
        : 'This card was returned to the issuer and is no longer at the desk.';
    case 'before_period':
      return nl
        ? `Buiten de afhaalperiode: afhalen kan vanaf ${belgianDate(refusal.availableFrom)}.`
        : `Outside the collection period: collection starts on ${belgianDate(refusal.availableFrom)}.`;
    case 'after_period':
      return nl
        ? `Buiten de afhaalperiode: de laatste afhaaldag hier was ${belgianDate(refusal.lastDay)}.`
        : `Outside the collection period: the last day here was ${belgianDate(refusal.lastDay)}.`;
    default:
      return assertNever(refusal);
  }
}

/** Every other way a desk action can be refused, as the desk reads it. */
export type DeskProblem =
  | CardRefusal
  | { error: 'id_not_checked' }
  | { error: 'unknown_staff'; staff: string }
  | { error: 'invalid_card_number'; card?: string }
  | { error: 'not_here'; likelyPoint?: { naam: string; adres: string; openingsuren: string } | null }
  | { error: 'invalid_request'; issues: string[] }
  | { error: 'not_collected' }
  | { error: 'admin_pin_required'; handedOutOn: string }
  | { error: 'pin_not_set' }
  | { error: 'pin_wrong'; triesLeftBeforeLock: number }
  | { error: 'pin_locked'; retryAfterSeconds: number }
  | { error: 'collector_unknown' }
  | { error: 'group_too_large'; size: number; max: number }
  | { error: 'duplicate_in_group' }
  | { error: 'store_full' }
  | { error: 'store_busy' };

export function describeDeskProblem(problem: DeskProblem, lang: Lang = 'nl'): string {
  const nl = lang === 'nl';
  switch (problem.error) {
    case 'already_collected':
    case 'revoked':
    case 'replaced':
    case 'returned':
    case 'before_period':
    case 'after_period':
      return describeCardRefusal(problem, lang);
    case 'id_not_checked':
      return nl
        ? 'Bevestig eerst dat de identiteit gecontroleerd is.'
        : 'First confirm that the identity was checked.';
    case 'unknown_staff':
      return nl
        ? `"${problem.staff}" staat niet in de lijst van medewerkers van dit punt.`
        : `"${problem.staff}" is not on this point's staff list.`;
    case 'invalid_card_number':
      return nl
        ? `${problem.card ?? 'Dit'} is geen geldig kaartnummer (controlegetal klopt niet). Scan of typ het opnieuw.`
        : `${problem.card ?? 'This'} is not a valid card number (check digits do not match). Scan or type it again.`;
    case 'not_here': {
      const p = problem.likelyPoint;
      if (p) {
        return nl
          ? `Niet in deze bibliotheek — waarschijnlijk bij ${p.naam}, ${p.adres} (${p.openingsuren}).`
          : `Not at this library — most likely at ${p.naam}, ${p.adres} (${p.openingsuren}).`;
      }
      return nl
        ? 'Niet in deze bibliotheek. Vraag de postcode van het woonadres om te zien waar de kaart waarschijnlijk is.'
        : 'Not at this library. Ask for the home postcode to see where the card most likely is.';
    }
    case 'invalid_request':
      return nl
        ? `Ongeldige invoer: ${problem.issues.join('; ')}.`
        : `Invalid input: ${problem.issues.join('; ')}.`;
    case 'not_collected':
      return nl
        ? 'Deze kaart is niet afgehaald; er is niets te annuleren.'
        : 'This card was not collected; nothing to undo.';
    case 'admin_pin_required':
      return nl
        ? `Afgegeven op ${belgianDate(problem.handedOutOn)}: een afgifte van een vorige dag annuleren kan alleen met de beheerderspincode.`
        : `Handed out on ${belgianDate(problem.handedOutOn)}: undoing a hand-out from an earlier day needs the admin PIN.`;
    case 'pin_not_set':
      return nl
        ? 'Er is nog geen beheerderspincode ingesteld. Stel die eerst in (balie admin-pin).'
        : 'No admin PIN has been set yet. Set one first (balie admin-pin).';
    case 'pin_wrong':
      return nl
        ? `Verkeerde beheerderspincode; er is niets gewijzigd. Nog ${problem.triesLeftBeforeLock} poging(en) voor een tijdelijke blokkering.`
        : `Wrong admin PIN; nothing was changed. ${problem.triesLeftBeforeLock} more try(ies) before a temporary lock.`;
    case 'pin_locked':
      return nl
        ? `Te veel verkeerde pincodes: opnieuw proberen over ${problem.retryAfterSeconds} seconden.`
        : `Too many wrong PINs: try again in ${problem.retryAfterSeconds} seconds.`;
    case 'collector_unknown':
      return nl
        ? 'Deze afhaler heeft hier geen kaart. Noteer naam en identiteitsbewijs in de plaats.'
        : 'This collector has no card here. Record their name and ID document instead.';
    case 'group_too_large':
      return nl
        ? `Te veel kaarten in één groep: ${problem.size}, het maximum is ${problem.max}. Splits de groep.`
        : `Too many cards in one group: ${problem.size}, the maximum is ${problem.max}. Split the group.`;
    case 'duplicate_in_group':
      return nl ? 'Deze kaart staat al in de lijst.' : 'This card is already in the list.';
    case 'store_full':
      return nl
        ? 'De schijf van deze pc is vol: de afgifte is niet opgeslagen. Geef de kaart nog niet mee. Maak ruimte vrij (of verwittig de IT-dienst) en probeer opnieuw.'
        : "This PC's disk is full: the hand-out was not saved. Do not hand over the card yet. Free up space (or call IT) and try again.";
    case 'store_busy':
      return nl
        ? 'Een andere balie houdt de database bezet: de afgifte is niet opgeslagen. Geef de kaart nog niet mee en probeer het zo opnieuw.'
        : 'Another desk is holding the database: the hand-out was not saved. Do not hand over the card yet and try again in a moment.';
    default:
      return assertNever(problem);
  }
}
