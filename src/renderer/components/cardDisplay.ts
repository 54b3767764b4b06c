import type { CardSummary } from '../../shared/cards/cardStatus';
import { formatCardForPrint } from '../../shared/desk/receipt';

/** `270000000154` → `2700 0000 0154`: read aloud in groups of four, as printed on the card. */
export function groupedCard(card: string): string {
  return formatCardForPrint(card);
}

/** Only the last four digits of a stamboeknummer: enough to compare with an ID, no more. */
export function maskedStamboeknummer(stamboeknummer: string | null): string | null {
  if (!stamboeknummer) return null;
  return `••••••• ${stamboeknummer.slice(-4)}`;
}

export function fullName(summary: Pick<CardSummary, 'voornaam' | 'achternaam'>): string {
  return [summary.voornaam, summary.achternaam].filter(Boolean).join(' ');
}

export function placeOf(summary: Pick<CardSummary, 'postcode' | 'gemeente'>): string {
  return [summary.postcode, summary.gemeente].filter(Boolean).join(' ');
}
