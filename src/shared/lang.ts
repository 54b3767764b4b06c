/** Dutch (nl-BE) first, English second. */
export type Lang = 'nl' | 'en';
export const DEFAULT_LANG: Lang = 'nl';
