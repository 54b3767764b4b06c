import type { CardStatus } from '../cards/cardStatus';
import type { Lang } from './lang';
import { textsFor } from './texts';

export function statusLabel(status: CardStatus, lang: Lang = 'nl'): string {
  return textsFor(lang)(`desk.cardStatus.${status}`);
}
