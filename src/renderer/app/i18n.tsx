import { createContext, useContext } from 'react';
import type { Lang } from '../../shared/i18n/lang';
import { textsFor } from '../../shared/i18n/texts';
import type { Translator } from '../../shared/i18n/texts';

/** The renderer's view of the one text system (src/shared/i18n/texts.ts): typed keys, typed params. */
export type Translate = Translator;

export const translator = textsFor;

export const LangContext = createContext<{ lang: Lang; t: Translate; setLang(lang: Lang): void }>({
  lang: 'nl',
  t: textsFor('nl'),
  setLang: () => undefined,
});

export function useT(): Translate {
  return useContext(LangContext).t;
}

export function useLang() {
  return useContext(LangContext);
}

/** Dates as Belgians read them, in Brussels time, for the current language. */
export function formatDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}-${m}-${y}`;
}
