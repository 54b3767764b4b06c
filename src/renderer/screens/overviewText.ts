import type { Catalogue } from '../app/catalogue';

/** Strings of the overview screen (keys start with 'overview.'). */
export const overviewText: Catalogue = {
  nl: {},
  en: {},
};
