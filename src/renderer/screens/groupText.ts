import type { Catalogue } from '../app/catalogue';

/** Strings of the group screen (keys start with 'group.'). */
export const groupText: Catalogue = {
  nl: {},
  en: {},
};
