import type { Lang } from './lang';

/**
 * The one text system: catalogues of `as const` texts, Dutch (nl-BE) and English with the same
 * keys and the same `{placeholders}`, checked by the compiler. A plural text has a form per
 * Intl.PluralRules category and is chosen by its numeric `{count}`.
 */
export interface PluralText {
  readonly one: string;
  readonly other: string;
}
export type TextEntry = string | PluralText;
export type Texts = Readonly<Record<string, TextEntry>>;

/**
 * `'Kaart {card} van {point}'` → `'card' | 'point'`. Braces around text with a space or a quote
 * (`{ "key": value }` in an example) are text, not a placeholder, as in fillTemplate.
 */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `${string}${' ' | '"'}${string}` ? never : Name) | Placeholders<Rest>
  : never;

/** The parameters a text needs: its placeholders, and `count` for a plural text. */
export type ParamsOf<E> = E extends string
  ? Placeholders<E>
  : E extends PluralText
    ? Placeholders<E['one']> | Placeholders<E['other']> | 'count'
    : never;

type SameParams<A, B> = [ParamsOf<A>] extends [ParamsOf<B>]
  ? [ParamsOf<B>] extends [ParamsOf<A>]
    ? true
    : false
  : false;
type SameShape<A, B> = A extends string ? (B extends string ? true : false) : B extends string ? false : true;

/**
 * What English must look like given Dutch: every Dutch key, no other key, and per key the same
 * placeholders (and plural where Dutch is plural). A mismatch names the key in the error.
 */
export type MatchingTexts<NL extends Texts, EN extends Texts> = {
  readonly [K in keyof NL | keyof EN]: K extends keyof NL
    ? K extends keyof EN
      ? SameParams<NL[K], EN[K]> extends true
        ? SameShape<NL[K], EN[K]> extends true
          ? EN[K]
          : `plural in one language only: ${K & string}`
        : `placeholders differ from Dutch: ${K & string}`
      : never
    : never;
};

export interface Catalogue<NL extends Texts> {
  readonly nl: NL;
  readonly en: Texts;
}

/** One area's texts. Dutch is the reference; English must match it key for key, placeholder for placeholder. */
export function defineTexts<const NL extends Texts, const EN extends Texts>(
  nl: NL,
  en: EN & MatchingTexts<NL, EN>,
): Catalogue<NL> {
  return { nl, en };
}

/** The keys whose text takes no params: what a table of labels may hold. */
export type PlainKeyOf<NL extends Texts> = {
  [K in keyof NL & string]: [ParamsOf<NL[K]>] extends [never] ? K : never;
}[keyof NL & string];

type ParamValue<P> = P extends 'count' ? number : string | number;
export type TextParams<E> = { readonly [P in ParamsOf<E>]: ParamValue<P> };
export type ParamsArg<E> = [ParamsOf<E>] extends [never] ? [] : [params: TextParams<E>];

/** `t(key, params)`: the key must exist, and the params are exactly the text's placeholders. */
export type Translate<NL extends Texts> = <K extends keyof NL & string>(
  key: K,
  ...params: ParamsArg<NL[K]>
) => string;

const PLURAL_LOCALE: Record<Lang, string> = { nl: 'nl-BE', en: 'en' };
const pluralRules: Partial<Record<Lang, Intl.PluralRules>> = {};

function pluralForm(entry: PluralText, count: number, lang: Lang): string {
  const rules = (pluralRules[lang] ??= new Intl.PluralRules(PLURAL_LOCALE[lang]));
  return rules.select(count) === 'one' ? entry.one : entry.other;
}

/** Fills `{name}` from params; a placeholder without a value stays visible so a test can catch it. */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function renderEntry(
  entry: TextEntry,
  params: Readonly<Record<string, string | number>>,
  lang: Lang,
): string {
  if (typeof entry === 'string') return fillTemplate(entry, params);
  const count = params.count;
  return fillTemplate(pluralForm(entry, typeof count === 'number' ? count : Number(count), lang), params);
}

export function translatorFor<NL extends Texts>(catalogue: Catalogue<NL>, lang: Lang): Translate<NL> {
  const texts: Texts = catalogue[lang];
  return (key, ...params) => {
    const entry = texts[key];
    // Unreachable for typed keys: the compiler refuses a key either language lacks.
    if (entry === undefined) throw new Error(`no text for ${key}`);
    return renderEntry(entry, params[0] ?? {}, lang);
  };
}

type Union<T extends readonly Catalogue<Texts>[]> = T[number] extends Catalogue<infer NL> ? NL : never;
type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type Merged<T extends readonly Catalogue<Texts>[]> =
  Intersect<Union<T>> extends infer M extends Texts ? M : never;

/** Several areas as one catalogue; a key two areas both define is refused when the module loads. */
export function mergeTexts<const T extends readonly Catalogue<Texts>[]>(...areas: T): Catalogue<Merged<T>> {
  const nl: Record<string, TextEntry> = {};
  const en: Record<string, TextEntry> = {};
  for (const area of areas) {
    for (const key of Object.keys(area.nl)) {
      if (key in nl) throw new Error(`text key defined twice: ${key}`);
    }
    Object.assign(nl, area.nl);
    Object.assign(en, area.en);
  }
  return { nl: nl as Merged<T>, en };
}
