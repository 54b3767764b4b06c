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
