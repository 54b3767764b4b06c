import type { ParamsOf, Translate } from './catalogue';
import { mergeTexts, translatorFor } from './catalogue';
import type { Lang } from './lang';
import { adminTexts } from './texts/adminTexts';
import { appTexts } from './texts/appTexts';
import { balieTexts } from './texts/balieTexts';
import { cliTexts } from './texts/cliTexts';
import { deskTexts } from './texts/deskTexts';
import { groupTexts } from './texts/groupTexts';
import { keyTexts } from './texts/keyTexts';
import { overviewTexts } from './texts/overviewTexts';
import { reportTexts } from './texts/reportTexts';
import { scanTexts } from './texts/scanTexts';
import { storeTexts } from './texts/storeTexts';
import { updateTexts } from './texts/updateTexts';

/** Every text a person reads, by area; the renderer, the CLI and the reports all read it here. */
export const TEXTS = mergeTexts(
  appTexts,
  balieTexts,
  groupTexts,
  overviewTexts,
  adminTexts,
  scanTexts,
  keyTexts,
  deskTexts,
  storeTexts,
  updateTexts,
  reportTexts,
  cliTexts,
);

export type TextKey = keyof typeof TEXTS.nl & string;
export type Translator = Translate<typeof TEXTS.nl>;

const translators: Partial<Record<Lang, Translator>> = {};

/** The translator of one language: `textsFor('nl')('app.staff', { name })`. */
export function textsFor(lang: Lang): Translator {
  return (translators[lang] ??= translatorFor(TEXTS, lang));
}

/** A key whose text takes no params: what a table of labels may hold. */
export type PlainTextKey = {
  [K in TextKey]: [ParamsOf<(typeof TEXTS.nl)[K]>] extends [never] ? K : never;
}[TextKey];
