import type { PlainKeyOf, Translate } from '../../../../shared/i18n/texts/catalogue';
import { mergeTexts, translatorFor } from '../../../../shared/i18n/texts/catalogue';
import type { Lang } from '../../../../shared/lang';
import { TEXTS } from '../../../../shared/i18n/texts';
import { cliCommandTexts } from '../../../../shared/i18n/texts/cliTexts';
import { cliHelpTexts } from '../../../../shared/i18n/texts/cliHelpTexts';

/** The desk's texts plus the CLI's own words and its commands' help: one catalogue, the same words as the screens. */
const CLI_TEXTS = mergeTexts(TEXTS, cliCommandTexts, cliHelpTexts);
type CliTextsNl = typeof CLI_TEXTS.nl;
export type CliTranslate = Translate<CliTextsNl>;
export type CliPlainKey = PlainKeyOf<CliTextsNl>;

/** The CLI speaks Dutch. */
export const CLI_LANG: Lang = 'nl';

export function cliTexts(): CliTranslate {
  return translatorFor(CLI_TEXTS, CLI_LANG);
}
