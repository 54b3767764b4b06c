import type { Database } from 'better-sqlite3';
import { Encoder, Index } from 'flexsearch';
import Fuse from 'fuse.js';
import type { DemoCardRecord } from '../src/main/demo/generateDemoCards';
import { searchCards } from '../src/main/useCases/desk/searchCards';
import { foldText, foldedWords } from '../src/shared/search/foldName';
import { classifyQuery } from '../src/shared/search/classifyQuery';
import {
  NAME_KINDS,
  QUERY_KINDS,
  TARGET_KINDS,
  type BenchQuery,
  type NameTruth,
  type QueryKind,
} from './queries';
import { gc, mean, measureRetained, summarize, type LatencySummary } from './stats';

export const LIMIT = 50;

/** A search engine under test: returns row indexes (positions in the generated records). */
export interface Engine {
  name: string;
  search(text: string): number[];
}

export interface EngineRun {
  engine: string;
  /** Indexes into the query list that were run (all, or Fuse's subset). */
  ran: number[];
  nanos: bigint[];
  results: number[][];
}

/** Warm up, then time each query on its own with hrtime. */
export function runEngine(
  engine: Engine,
  queries: readonly BenchQuery[],
  indexes: readonly number[],
  warmup: readonly BenchQuery[],
): EngineRun {
  for (const q of warmup) engine.search(q.text);
  gc();
  const nanos: bigint[] = [];
  const results: number[][] = [];
  for (const i of indexes) {
    const text = (queries[i] as BenchQuery).text;
    const start = process.hrtime.bigint();
    const found = engine.search(text);
    const end = process.hrtime.bigint();
    nanos.push(end - start);
    results.push(found);
  }
  return { engine: engine.name, ran: [...indexes], nanos, results };
}

// ---------------------------------------------------------------------------------------------
// Engines

export function oursEngine(db: Database, records: readonly DemoCardRecord[]): Engine {
  const rowOfCard = new Map<string, number>();
  records.forEach((r, i) => rowOfCard.set(r.kaartnummer, i));
  let last: { card: string }[] = [];
  return {
    name: 'ours',
    search(text) {
      last = searchCards(db, text, LIMIT);
      return last.map((c) => rowOfCard.get(c.card) ?? -1);
    },
  };
}

/** What the libraries index per card: folded name words (as ours) + card + stamboeknummer + postcode. */
function flexContent(r: DemoCardRecord, searchText: string): string {
  return `${searchText} ${r.kaartnummer} ${r.stamboeknummer} ${r.postcode}`;
}

export interface BuiltEngine {
  engine: Engine;
  buildMs: number;
  retainedMB: number;
  rssDeltaMB: number;
  config: string;
}

export function buildFlex(records: readonly DemoCardRecord[], searchTexts: readonly string[]): BuiltEngine {
  const config =
    "FlexSearch Index, tokenize 'forward', Encoder{normalize: foldText (accents, case, particles), numeric: false, minlength 1}; content = nameSearchText + card + stamboeknummer + postcode";
  const built = measureRetained(() => {
    const encoder = new Encoder({ normalize: foldText, numeric: false, dedupe: false, minlength: 1 });
    const index = new Index({ tokenize: 'forward', encoder });
    records.forEach((r, i) => index.add(i, flexContent(r, searchTexts[i] ?? '')));
    return index;
  });
  const index = built.value;
  return {
    engine: { name: 'flexsearch', search: (text) => index.search(text, { limit: LIMIT }) as number[] },
    buildMs: built.ms,
    retainedMB: built.retainedMB,
    rssDeltaMB: built.rssDeltaMB,
    config,
  };
}

export function buildFuse(records: readonly DemoCardRecord[]): BuiltEngine {
  const config =
    'Fuse.js, keys voornaam/achternaam/kaartnummer/stamboeknummer/postcode, threshold 0.3, ignoreDiacritics, index prebuilt with Fuse.createIndex';
  const keys = ['voornaam', 'achternaam', 'kaartnummer', 'stamboeknummer', 'postcode'];
  const built = measureRetained(() => {
    const index = Fuse.createIndex(keys, records as DemoCardRecord[]);
    return new Fuse(records as DemoCardRecord[], { keys, threshold: 0.3, ignoreDiacritics: true }, index);
  });
  const fuse = built.value;
  return {
    engine: { name: 'fuse', search: (text) => fuse.search(text, { limit: LIMIT }).map((r) => r.refIndex) },
    buildMs: built.ms,
    retainedMB: built.retainedMB,
    rssDeltaMB: built.rssDeltaMB,
    config,
  };
}

// ---------------------------------------------------------------------------------------------
// Scoring

export interface KindStats {
  latency: LatencySummary;
  /** Name kinds: mean recall@50 against the prefix ground truth. */
  recall: number | null;
  /** Card / stamboeknummer kinds: share of queries whose card was returned. */
  found: number | null;
  /** Name kinds: mean number of ground-truth matches (how broad the query is). */
  meanMatches: number | null;
}

export interface EngineStats {
  engine: string;
  queries: number;
  subset: boolean;
  overall: LatencySummary;
  nameRecall: number;
  targetFound: number;
  perKind: Partial<Record<QueryKind, KindStats>>;
}

/** Ground truth per name query: computed once, shared by all engines. */
export interface TruthEntry {
  size: number;
  rows: Set<number>;
}

export function truthFor(queries: readonly BenchQuery[], truth: NameTruth): Map<number, TruthEntry> {
  const out = new Map<number, TruthEntry>();
  queries.forEach((q, i) => {
    if (!NAME_KINDS.has(q.kind)) return;
    const rows = truth.rows(foldedWords(q.text));
    out.set(i, { size: rows.size, rows });
  });
  return out;
}

export function recallOf(returned: readonly number[], t: TruthEntry): number {
  if (t.size === 0) return 1;
  let hit = 0;
  for (const row of new Set(returned)) if (t.rows.has(row)) hit++;
  return hit / Math.min(t.size, LIMIT);
}

export function scoreRun(
  run: EngineRun,
  queries: readonly BenchQuery[],
  truths: Map<number, TruthEntry>,
  subset: boolean,
): EngineStats {
  const byKind = new Map<
    QueryKind,
    { nanos: bigint[]; recalls: number[]; found: number[]; matches: number[] }
  >();
  const recalls: number[] = [];
  const founds: number[] = [];
  run.ran.forEach((qi, k) => {
    const q = queries[qi] as BenchQuery;
    let entry = byKind.get(q.kind);
    if (!entry) byKind.set(q.kind, (entry = { nanos: [], recalls: [], found: [], matches: [] }));
    entry.nanos.push(run.nanos[k] as bigint);
    const result = run.results[k] as number[];
    const t = truths.get(qi);
    if (t) {
      const r = recallOf(result, t);
      entry.recalls.push(r);
      entry.matches.push(t.size);
      recalls.push(r);
    }
    if (TARGET_KINDS.has(q.kind)) {
      const f = result.includes(q.row) ? 1 : 0;
      entry.found.push(f);
      founds.push(f);
    }
  });
  const perKind: Partial<Record<QueryKind, KindStats>> = {};
  for (const kind of QUERY_KINDS) {
    const e = byKind.get(kind);
    if (!e) continue;
    perKind[kind] = {
      latency: summarize(e.nanos),
      recall: e.recalls.length > 0 ? mean(e.recalls) : null,
      found: e.found.length > 0 ? mean(e.found) : null,
      meanMatches: e.matches.length > 0 ? mean(e.matches) : null,
    };
  }
  return {
    engine: run.engine,
    queries: run.ran.length,
    subset,
    overall: summarize(run.nanos),
    nameRecall: mean(recalls),
    targetFound: mean(founds),
    perKind,
  };
}

/** Recall of an engine's run restricted to the queries of another run (Fuse's subset). */
export function recallOnSubset(
  run: EngineRun,
  only: ReadonlySet<number>,
  truths: Map<number, TruthEntry>,
): number {
  const recalls: number[] = [];
  run.ran.forEach((qi, k) => {
    const t = truths.get(qi);
    if (t && only.has(qi)) recalls.push(recallOf(run.results[k] as number[], t));
  });
  return mean(recalls);
}

// ---------------------------------------------------------------------------------------------
// Why a kind is slow: the statements searchCards prepares, explained.

export function explainPlans(
  db: Database,
  samples: Partial<Record<QueryKind, string>>,
): Record<string, string[]> {
  const plans: Record<string, string[]> = {};
  const columns = `c.card, c.stamboeknummer, c.voornaam, c.achternaam, c.postcode, c.gemeente, c.school, c.replaced_by`;
  const eqp = (sql: string, params: unknown[]): string[] =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
  for (const [kind, text] of Object.entries(samples)) {
    const q = classifyQuery(text);
    if (q.kind === 'name' && q.words.length === 1) {
      const word = q.words[0] as string;
      plans[`${kind} (${JSON.stringify(text)} → name_words tiers, surname prefix shown)`] = eqp(
        `SELECT ${columns} FROM name_words w JOIN cards c ON c.id = w.card_id LEFT JOIN card_state s ON s.card_id = c.id
         WHERE w.field = 0 AND w.word > ? AND w.word < ? ORDER BY w.word, w.name_key, w.card_id LIMIT ? OFFSET 0`,
        [word, `${word}~`, LIMIT],
      );
    } else if (q.kind === 'name') {
      const match = q.words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
      plans[`${kind} (${JSON.stringify(text)} → MATCH ${match} LIMIT 400)`] = eqp(
        `SELECT c.id, c.search_text, c.name_key FROM cards_fts f JOIN cards c ON c.id = f.rowid
         WHERE cards_fts MATCH ? LIMIT ?`,
        [match, 400],
      );
    } else if (q.kind === 'digits' && q.digits.length === 4) {
      plans[`${kind} (${text}) by postcode`] = eqp(
        `SELECT ${columns} FROM cards c LEFT JOIN card_state s ON s.card_id = c.id WHERE c.postcode = ? ORDER BY c.achternaam, c.voornaam LIMIT ?`,
        [text, LIMIT],
      );
    } else if (q.kind === 'digits' || q.kind === 'stamboeknummer') {
      plans[`${kind} (${text}) by card prefix`] = eqp(
        `SELECT ${columns} FROM cards c LEFT JOIN card_state s ON s.card_id = c.id WHERE c.card >= ? AND c.card < ? ORDER BY c.card LIMIT ?`,
        [text, `${text}~`, LIMIT],
      );
    }
  }
  return plans;
}
