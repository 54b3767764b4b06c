import type { TransportFailure } from '../../shared/api/transportFailure';
import { assertNever } from '../../shared/result';
import type { Translate } from './i18n';

/**
 * "Er ging iets mis. Probeer opnieuw." for a call that got no usable answer, with one more
 * sentence where trying again alone will not help.
 */
export function transportFailureText(failure: TransportFailure, t: Translate): string {
  switch (failure.error) {
    case 'internal':
      return t('app.failure.internal');
    case 'unavailable':
      switch (failure.reason) {
        case 'network':
        case 'timeout':
        case 'bad_reply':
          return t('app.failure');
        case 'refused':
          return t('app.failure.refused');
        default:
          return assertNever(failure.reason);
      }
    default:
      return assertNever(failure);
  }
}
