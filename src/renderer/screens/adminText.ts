import type { Catalogue } from '../app/catalogue';

/** Strings of the admin screen (keys start with 'admin.'). */
export const adminText: Catalogue = {
  nl: {},
  en: {},
};
