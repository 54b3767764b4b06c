import type { Lang } from '../../../shared/i18n/lang';
import { textsFor } from '../../../shared/i18n/texts';
import type { Translator } from '../../../shared/i18n/texts';

/** The CLI speaks Dutch, from the same catalogue as the desk's screens. */
export const CLI_LANG: Lang = 'nl';

export function cliTexts(): Translator {
  return textsFor(CLI_LANG);
}
