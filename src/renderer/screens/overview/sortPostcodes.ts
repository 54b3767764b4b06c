import type { PostcodeStats } from '../../../shared/cards/cardStats';
import { rateOf } from './formatNumbers';

export type SortKey = 'postcode' | 'gemeente' | 'cards' | 'collected' | 'rate';
export interface SortOrder {
  key: SortKey;
  ascending: boolean;
}

function value(row: PostcodeStats, key: SortKey): string | number {
  switch (key) {
    case 'postcode':
      return row.postcode;
    case 'gemeente':
      return row.gemeente ?? '';
    case 'cards':
      return row.cards;
    case 'collected':
      return row.collected;
    case 'rate':
      return rateOf(row.collected, row.cards);
  }
}

/** A sorted copy; ties fall back to the postcode so the order is stable. */
export function sortPostcodes(rows: readonly PostcodeStats[], order: SortOrder): PostcodeStats[] {
  const sign = order.ascending ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a, order.key);
    const vb = value(b, order.key);
    const byKey =
      typeof va === 'number' && typeof vb === 'number'
        ? va - vb
        : String(va).localeCompare(String(vb), 'nl-BE');
    return byKey !== 0 ? sign * byKey : a.postcode.localeCompare(b.postcode);
  });
}
