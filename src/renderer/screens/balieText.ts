import type { Catalogue } from '../app/catalogue';

/** Strings of the balie screen (keys start with 'balie.'). */
export const balieText: Catalogue = {
  nl: {},
  en: {},
};
