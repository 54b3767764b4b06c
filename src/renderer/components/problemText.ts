import { isTransportFailure } from '../../shared/api/transportFailure';
import type { DeskProblem } from '../../shared/i18n/deskText';
import { describeDeskProblem } from '../../shared/i18n/deskText';
import type { Lang } from '../../shared/i18n/lang';
import { transportFailureText } from '../app/apiFailureText';
import { translator } from '../app/i18n';

/**
 * A failed API answer in the desk's words: a transport failure as "Er ging iets mis. Probeer
 * opnieuw.", every other failure the desk methods return as the DeskProblem it is.
 */
export function problemText(failure: { ok: false; error: string }, lang: Lang): string {
  if (isTransportFailure(failure)) return transportFailureText(failure, translator(lang));
  try {
    return describeDeskProblem(failure as DeskProblem, lang);
  } catch {
    return failure.error;
  }
}
