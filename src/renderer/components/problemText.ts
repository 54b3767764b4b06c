import type { ApiFailure } from '../../shared/api/contract';
import { describeDeskProblem } from '../../shared/i18n/deskText';
import type { Lang } from '../../shared/lang';
import { assertNever } from '../../shared/result';
import { transportFailureText } from '../app/apiFailureText';
import { translator } from '../app/i18n';

/** The methods the desk screens (Balie, Groepsafhaling, Overzicht) and the shell call. */
export type DeskMethod =
  | 'session'
  | 'search'
  | 'checkCard'
  | 'whereIsPostcode'
  | 'handOut'
  | 'voidHandOut'
  | 'collectGroup'
  | 'schoolWaiting'
  | 'overview'
  | 'postcodeMap'
  | 'overviewPdf';

/** Any refusal a desk call can return, straight from the contract. */
export type DeskFailure = ApiFailure<DeskMethod>;

/**
 * A failed API answer in the desk's words: a transport failure as "Er ging iets mis. Probeer
 * opnieuw.", every other failure as the desk reads it. Exhaustive: a failure code added to a desk
 * method in the contract does not compile until it has a text.
 */
export function problemText(failure: DeskFailure, lang: Lang): string {
  switch (failure.error) {
    case 'unavailable':
    case 'internal':
      return transportFailureText(failure, translator(lang));
    case 'group_refused':
      return translator(lang)('group.confirm.refused');
    case 'pdf_unavailable':
      return translator(lang)('overview.pdf.unavailable');
    case 'already_collected':
    case 'revoked':
    case 'replaced':
    case 'returned':
    case 'before_period':
    case 'after_period':
    case 'invalid_request':
    case 'id_not_checked':
    case 'unknown_staff':
    case 'invalid_card_number':
    case 'not_here':
    case 'not_collected':
    case 'admin_pin_required':
    case 'pin_not_set':
    case 'pin_wrong':
    case 'pin_locked':
    case 'collector_unknown':
    case 'group_too_large':
    case 'store_full':
    case 'store_busy':
      return describeDeskProblem(failure, lang);
    default:
      return assertNever(failure);
  }
}
