import type { DeskProblem } from '../../shared/i18n/deskText';
import { describeDeskProblem } from '../../shared/i18n/deskText';
import type { Lang } from '../../shared/i18n/lang';

/**
 * A failed API answer in the desk's words. Every failure the desk methods return is a DeskProblem;
 * anything else (a transport fault) falls back to its error code.
 */
export function problemText(failure: { error: string }, lang: Lang): string {
  try {
    return describeDeskProblem(failure as DeskProblem, lang);
  } catch {
    return failure.error;
  }
}
