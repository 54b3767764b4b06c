import { createContext, useContext } from 'react';
import type { Lang } from '../../shared/i18n/lang';
import { adminText } from '../screens/adminText';
import { balieText } from '../screens/balieText';
import { groupText } from '../screens/groupText';
import { overviewText } from '../screens/overviewText';
import { scanText } from '../scan/scanText';
import { appText } from './appText';
import type { Catalogue } from './catalogue';

/** The one i18n layer: every visible string comes from these catalogues. */
export const CATALOGUES: readonly Catalogue[] = [
  appText,
  balieText,
  groupText,
  overviewText,
  adminText,
  scanText,
];

const merged: Record<Lang, Record<string, string>> = { nl: {}, en: {} };
for (const catalogue of CATALOGUES) {
  Object.assign(merged.nl, catalogue.nl);
  Object.assign(merged.en, catalogue.en);
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => {
    const template = merged[lang][key] ?? merged.nl[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      params[name] === undefined ? whole : String(params[name]),
    );
  };
}

export function allKeys(lang: Lang): string[] {
  return Object.keys(merged[lang]);
}

export const LangContext = createContext<{ lang: Lang; t: Translate; setLang(lang: Lang): void }>({
  lang: 'nl',
  t: translator('nl'),
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
