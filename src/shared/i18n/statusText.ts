import type { CardStatus } from '../cards/cardStatus';
import type { Lang } from './lang';

const LABELS: Record<Lang, Record<CardStatus, string>> = {
  nl: {
    waiting: 'wacht op afhaling',
    collected: 'afgehaald',
    revoked: 'ingetrokken',
    replaced: 'vervangen',
    returned: 'teruggestuurd',
  },
  en: {
    waiting: 'waiting',
    collected: 'collected',
    revoked: 'revoked',
    replaced: 'replaced',
    returned: 'returned',
  },
};

export function statusLabel(status: CardStatus, lang: Lang = 'nl'): string {
  return LABELS[lang][status];
}
