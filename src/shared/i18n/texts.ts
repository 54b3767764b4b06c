import type { PlainKeyOf, Translate } from './texts/catalogue';
import { mergeTexts, translatorFor } from './texts/catalogue';
import type { Lang } from '../lang';
import { adminTexts } from './texts/adminTexts';
import { appTexts } from './texts/appTexts';
import { balieTexts } from './texts/balieTexts';
import { deskTexts } from './texts/deskTexts';
import { groupTexts } from './texts/groupTexts';
import { keyTexts } from './texts/keyTexts';
import { overviewTexts } from './texts/overviewTexts';
import { policyTexts } from './texts/policyTexts';
import { pointTexts } from './texts/pointTexts';
import { scanTexts } from './texts/scanTexts';
import { storeTexts } from './texts/storeTexts';
import { updateTexts } from './texts/updateTexts';

/**
 * The texts of the desk: its screens and every refusal the desk, Beheer and the CLI share. The CLI
 * adds its own words (texts/cliTexts.ts) and the issuer's report check has its own area
 * (texts/reportTexts.ts), so the renderer bundle carries neither.
 */
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
  policyTexts,
  pointTexts,
);

export type TextKey = keyof typeof TEXTS.nl & string;
export type Translator = Translate<typeof TEXTS.nl>;

const translators: Partial<Record<Lang, Translator>> = {};

/** The translator of one language: `textsFor('nl')('app.staff', { name })`. */
export function textsFor(lang: Lang): Translator {
  return (translators[lang] ??= translatorFor(TEXTS, lang));
}

/** A key whose text takes no params: what a table of labels may hold. */
export type PlainTextKey = PlainKeyOf<typeof TEXTS.nl>;
