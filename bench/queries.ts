import { seededRandom } from '../src/shared/random/seededRandom';
import type { DemoCardRecord } from '../src/main/demo/generateDemoCards';
import { foldText, foldedWords } from '../src/shared/search/foldName';

/** What staff type into the one search box, by kind. */
export const QUERY_KINDS = [
  'surname',
  'surname_prefix',
  'first_last',
  'last_first',
  'accent_free',
  'particle',
  'joined',
  'card',
  'stamboek11',
  'stamboek9',
  'postcode',
  'card_prefix',
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export const NAME_KINDS: ReadonlySet<QueryKind> = new Set([
  'surname',
  'surname_prefix',
  'first_last',
  'last_first',
  'accent_free',
  'particle',
  'joined',
]);

/** Kinds that point at one card: "found" = that card is among the results. */
export const TARGET_KINDS: ReadonlySet<QueryKind> = new Set(['card', 'stamboek11', 'stamboek9']);

/** Share of each kind in the mix (sums to 100). */
const MIX: Record<QueryKind, number> = {
  surname: 14,
  surname_prefix: 12,
  first_last: 10,
  last_first: 6,
  accent_free: 6,
  particle: 6,
  joined: 6,
  card: 12,
  stamboek11: 8,
  stamboek9: 5,
  postcode: 8,
  card_prefix: 7,
};

export interface BenchQuery {
  kind: QueryKind;
  text: string;
  /** Row index the query was drawn from. */
  row: number;
}

type Rng = () => number;

/** mulberry32, seeded: the same seed draws the same queries. */
export const rng: (seed: number) => Rng = seededRandom;

const below = (r: Rng, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rng, items: readonly T[]): T => items[below(r, items.length)] as T;

const hasDiacritics = (s: string): boolean =>
  foldText(s) !==
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Row indexes by property, built once per dataset. */
interface Pools {
  all: number[];
  accented: number[];
  multiWordSurname: number[];
  apostropheSurname: number[];
  stamboekTwoZeros: number[];
}

function pools(records: readonly DemoCardRecord[]): Pools {
  const p: Pools = {
    all: [],
    accented: [],
    multiWordSurname: [],
    apostropheSurname: [],
    stamboekTwoZeros: [],
  };
  records.forEach((r, i) => {
    p.all.push(i);
    if (hasDiacritics(r.achternaam) || hasDiacritics(r.voornaam)) p.accented.push(i);
    if (foldedWords(r.achternaam).length > 1) p.multiWordSurname.push(i);
    if (/^'t\s/i.test(r.achternaam)) p.apostropheSurname.push(i);
    // A spreadsheet drops the leading zeros: 00xxxxxxxxx becomes 9 digits.
    if (/^00[1-9]/.test(r.stamboeknummer)) p.stamboekTwoZeros.push(i);
  });
  return p;
}

function drawOne(kind: QueryKind, records: readonly DemoCardRecord[], p: Pools, r: Rng): BenchQuery {
  const fromPool = (pool: number[]): number => (pool.length > 0 ? pick(r, pool) : pick(r, p.all));
  let row = fromPool(p.all);
  let rec = records[row] as DemoCardRecord;
  const lower = (s: string): string => (r() < 0.5 ? s.toLowerCase() : s);
  let text: string;
  switch (kind) {
    case 'surname':
      text = lower(rec.achternaam);
      break;
    case 'surname_prefix': {
      // The first 2–5 letters, as typed: folded surname without spaces or apostrophes.
      const letters = foldedWords(rec.achternaam).join('');
      text = letters.slice(0, 2 + below(r, 4));
      break;
    }
    case 'first_last':
      text = lower(`${rec.voornaam} ${rec.achternaam}`);
      break;
    case 'last_first':
      text = lower(`${rec.achternaam} ${rec.voornaam}`);
      break;
    case 'accent_free':
      row = fromPool(p.accented);
      rec = records[row] as DemoCardRecord;
      // ozturk, celik, stephanie, nguyen: typed without accents.
      text = hasDiacritics(rec.achternaam)
        ? foldText(rec.achternaam)
        : foldText(`${rec.voornaam} ${rec.achternaam}`);
      break;
    case 'particle': {
      // 't kint, or "van den b": the particles plus the start of the last word.
      const useApostrophe = p.apostropheSurname.length > 0 && r() < 0.25;
      row = fromPool(useApostrophe ? p.apostropheSurname : p.multiWordSurname);
      rec = records[row] as DemoCardRecord;
      const words = foldedWords(rec.achternaam);
      if (useApostrophe) text = words.join(' ');
      else {
        const last = words[words.length - 1] ?? '';
        text = [...words.slice(0, -1), last.slice(0, 1 + below(r, 3))].join(' ');
      }
      break;
    }
    case 'joined':
      row = fromPool(p.multiWordSurname);
      rec = records[row] as DemoCardRecord;
      text = foldedWords(rec.achternaam).join('');
      break;
    case 'card':
      text = rec.kaartnummer;
      break;
    case 'stamboek11':
      text = rec.stamboeknummer;
      break;
    case 'stamboek9':
      row = fromPool(p.stamboekTwoZeros);
      rec = records[row] as DemoCardRecord;
      text = rec.stamboeknummer.replace(/^0+/, '');
      break;
    case 'postcode':
      text = rec.postcode;
      break;
    case 'card_prefix':
      // 5–7 digits (8–10 would be read as a stamboeknummer) or 11 (one digit short of a card).
      text = rec.kaartnummer.slice(0, pick(r, [5, 6, 7, 11]));
      break;
  }
  return { kind, text, row };
}

/** `count` queries in the MIX proportions, drawn from the rows and shuffled, all from one seed. */
export function drawQueries(records: readonly DemoCardRecord[], count: number, seed: number): BenchQuery[] {
  const r = rng(seed);
  const p = pools(records);
  const kinds: QueryKind[] = [];
  for (const kind of QUERY_KINDS)
    for (let i = 0; i < Math.round((MIX[kind] * count) / 100); i++) kinds.push(kind);
  while (kinds.length < count) kinds.push('surname');
  kinds.length = count;
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = below(r, i + 1);
    [kinds[i], kinds[j]] = [kinds[j] as QueryKind, kinds[i] as QueryKind];
  }
  return kinds.map((kind) => drawOne(kind, records, p, r));
}

/** Every k-th query: a deterministic subset with about the same mix, for slow engines. */
export function evenSubset<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)] as T);
}

// ---------------------------------------------------------------------------------------------
// Ground truth for name queries

/**
 * For recall: the rows whose folded name words (nameSearchText) contain, for every folded query
 * word, a word that starts with it. Built as sorted distinct words → postings.
 */
export class NameTruth {
  private readonly words: string[];
  private readonly postings: Int32Array[];
  private readonly hits: Uint16Array;
  private readonly stamp: Int32Array;
  private stampValue = 0;

  constructor(searchTexts: readonly string[]) {
    const byWord = new Map<string, number[]>();
    searchTexts.forEach((text, row) => {
      for (const word of new Set(text.split(' '))) {
        if (word === '') continue;
        let list = byWord.get(word);
        if (!list) byWord.set(word, (list = []));
        list.push(row);
      }
    });
    this.words = [...byWord.keys()].sort();
    this.postings = this.words.map((w) => Int32Array.from(byWord.get(w) ?? []));
    this.hits = new Uint16Array(searchTexts.length);
    this.stamp = new Int32Array(searchTexts.length).fill(-1);
  }

  /** Rows matching every query word as a prefix of some name word. */
  rows(queryWords: readonly string[]): Set<number> {
    const words = [...new Set(queryWords)];
    this.hits.fill(0);
    const touched: number[] = [];
    for (const qw of words) {
      const s = ++this.stampValue;
      let i = lowerBound(this.words, qw);
      for (; i < this.words.length && (this.words[i] as string).startsWith(qw); i++) {
        for (const row of this.postings[i] as Int32Array) {
          if (this.stamp[row] === s) continue;
          this.stamp[row] = s;
          if (this.hits[row] === 0) touched.push(row);
          this.hits[row] = (this.hits[row] ?? 0) + 1;
        }
      }
    }
    const truth = new Set<number>();
    for (const row of touched) if (this.hits[row] === words.length) truth.add(row);
    return truth;
  }
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
