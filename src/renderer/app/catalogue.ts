import type { Lang } from '../../shared/i18n/lang';

/** One screen's strings: Dutch (nl-BE) first, English with exactly the same keys. */
export type Catalogue = Record<Lang, Record<string, string>>;
