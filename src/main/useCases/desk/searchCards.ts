import type { Database, Statement } from 'better-sqlite3';
import type { CardSummary, MatchKind } from '../../../shared/cards/cardStatus';
import { classifyQuery } from '../../../shared/search/classifyQuery';
import type { SearchQuery } from '../../../shared/search/classifyQuery';
import { isValidPostcode } from '../../../shared/domain/postcode';
import { NAME_KEY_SEPARATOR } from '../../../shared/search/foldName';
import { CARD_SUMMARY_COLUMNS, CARDS_WITH_STATE } from '../../store/cardStatusSql';

export const DEFAULT_SEARCH_LIMIT = 50;
/**
 * Counting a word's matches to pick the rarest word of a query stops here: past it the longest
 * word leads, and the checks on the others stop the read at `limit` matches anyway.
 */
const COUNT_CAP = 1000;

/** The rows come out of SQLite as CardSummary, `match` included: nothing is copied in JS. */
const summary = (match: MatchKind) => `SELECT ${CARD_SUMMARY_COLUMNS}, '${match}' AS match`;

/**
 * `@wN` is the start of some name word of the card, read from the name-word row itself
 * (`name_key`: surname words, \x01, first-name words), so a failed check costs no card read.
 * Each exact test is guarded by a cheap one that most rows fail: `instr` for a word of the name,
 * the first letter for the surname written as one word (`desmet` in `De Smet`).
 */
function startsSomeWord(param: string): string {
  const surname = `substr(w.name_key, 1, instr(w.name_key, char(1)) - 1)`;
  return `((instr(w.name_key, ${param}) > 0
      AND instr(' ' || replace(w.name_key, char(1), ' '), ' ' || ${param}) > 0)
    OR (substr(w.name_key, 1, 1) = substr(${param}, 1, 1)
      AND substr(replace(${surname}, ' ', ''), 1, length(${param})) = ${param}))`;
}

/** Whole word, then prefix, of one field; the rows already in rank order (the primary key's). */
interface Tier {
  statement: Statement;
  field: 0 | 1;
  prefix: boolean;
}

/** Prepared once per database: search runs on every keystroke. */
class SearchStatements {
  readonly byCard: Statement;
  readonly byStamboek: Statement;
  readonly byPostcode: Statement;
  readonly bySchool: Statement;
  readonly byCardPrefix: Statement;
  /** How many name words start with a word, up to COUNT_CAP. */
  readonly wordCount: Statement;
  /** The name as typed, by one name word and a range of name keys: `peeters jan`, `jan pee`. */
  readonly asTyped: Statement;
  /** A surname of several words as typed, by the surname written as one word: `van den b`. */
  readonly surnameAsTyped: Statement;
  private readonly tiersByChecks = new Map<number, Tier[]>();

  constructor(private readonly db: Database) {
    const from = `FROM ${CARDS_WITH_STATE}`;
    this.byCard = db.prepare(`${summary('card')} ${from} WHERE c.card = ?`);
    this.byStamboek = db.prepare(
      `${summary('stamboeknummer')} ${from} WHERE c.stamboeknummer = ? ORDER BY c.replaced_by IS NOT NULL, c.card`,
    );
    this.byPostcode = db.prepare(
      `${summary('postcode')} ${from} WHERE c.postcode = ? ORDER BY c.achternaam, c.voornaam LIMIT ?`,
    );
    this.bySchool = db.prepare(
      `${summary('school')} ${from} WHERE c.school = ? ORDER BY c.achternaam, c.voornaam LIMIT ?`,
    );
    this.byCardPrefix = db.prepare(
      `${summary('card_prefix')} ${from} WHERE c.card >= ? AND c.card < ? ORDER BY c.card LIMIT ?`,
    );
    this.wordCount = db
      .prepare(
        `SELECT count(*) FROM (SELECT 1 FROM name_words
         WHERE field IN (0, 1) AND word >= ? AND word < ? LIMIT ${COUNT_CAP})`,
      )
      .pluck();
    const words = `${summary('name')} FROM name_words w JOIN cards c ON c.id = w.card_id
      LEFT JOIN card_state s ON s.card_id = c.id`;
    this.asTyped = db.prepare(
      `${words} WHERE w.field = ? AND w.word = ? AND w.name_key >= ? AND w.name_key < ?
       ORDER BY w.name_key, w.card_id LIMIT ?`,
    );
    this.surnameAsTyped = db.prepare(
      `${words} WHERE w.field = 0 AND w.word >= ? AND w.word < ? AND w.name_key >= ? AND w.name_key < ?
       ORDER BY w.word, w.name_key, w.card_id LIMIT ?`,
    );
  }

  /**
   * The four ranges of one word in rank order — whole surname word, whole first name, surname
   * prefix (by word, then name), first-name prefix — each also checking `checks` other words.
   */
  tiers(checks: number): Tier[] {
    let found = this.tiersByChecks.get(checks);
    if (!found) {
      const words = `${summary('name')} FROM name_words w JOIN cards c ON c.id = w.card_id
        LEFT JOIN card_state s ON s.card_id = c.id`;
      const others = Array.from({ length: checks }, (_, i) => ` AND ${startsSomeWord(`@w${i}`)}`).join('');
      const page = 'LIMIT @limit OFFSET @offset';
      const whole = this.db.prepare(
        `${words} WHERE w.field = @field AND w.word = @word${others} ORDER BY w.name_key, w.card_id ${page}`,
      );
      const prefix = this.db.prepare(
        `${words} WHERE w.field = @field AND w.word > @word AND w.word < @bound${others}
         ORDER BY w.word, w.name_key, w.card_id ${page}`,
      );
      found = [
        { statement: whole, field: 0, prefix: false },
        { statement: whole, field: 1, prefix: false },
        { statement: prefix, field: 0, prefix: true },
        { statement: prefix, field: 1, prefix: true },
      ];
      this.tiersByChecks.set(checks, found);
    }
    return found;
  }
}

const statementsByDb = new WeakMap<Database, SearchStatements>();

function statements(db: Database): SearchStatements {
  let found = statementsByDb.get(db);
  if (!found) {
    found = new SearchStatements(db);
    statementsByDb.set(db, found);
  }
  return found;
}

export function searchCards(db: Database, input: string, limit = DEFAULT_SEARCH_LIMIT): CardSummary[] {
  return searchClassified(db, classifyQuery(input), limit);
}

export function searchClassified(db: Database, query: SearchQuery, limit: number): CardSummary[] {
  const st = statements(db);
  switch (query.kind) {
    case 'empty':
      return [];
    case 'card':
    case 'card_bad_check':
      return st.byCard.all(query.card) as CardSummary[];
    case 'stamboeknummer': {
      const exact = st.byStamboek.all(query.stamboeknummer) as CardSummary[];
      const digits = query.padded ? query.stamboeknummer.replace(/^0+/, '') : query.stamboeknummer;
      return digitMatches(st, digits, limit, exact);
    }
    case 'digits':
      return digitMatches(st, query.digits, limit, []);
    case 'name':
      return nameMatches(st, query.words, limit);
  }
}

/**
 * Every query word must start some word of the name, in any order. Several words first give the
 * name as typed (surname then first name, or first name then surname; `asTyped`). Then, and for
 * one word, the rarest word leads: its ranges are read in rank order, the other words are checked
 * on each name-word row, and the read stops at `limit` cards — a surname shared by 6,000
 * teachers costs the same as a rare one. A card already found is skipped.
 */
function nameMatches(st: SearchStatements, words: readonly string[], limit: number): CardSummary[] {
  const seen = new Set<string>();
  const found: CardSummary[] = [];
  const add = (rows: unknown[]): void => {
    for (const row of rows as CardSummary[]) {
      if (seen.has(row.card)) continue;
      seen.add(row.card);
      found.push(row);
    }
  };
  if (words.length > 1) {
    for (const read of asTypedReads(st, words)) {
      add(read(limit - found.length));
      if (found.length >= limit) return found.slice(0, limit);
    }
  }
  const lead = leadWord(st, words);
  const params: Record<string, string | number> = { word: lead, bound: prefixUpperBound(lead) };
  words
    .filter((_, i) => i !== words.indexOf(lead))
    .forEach((word, i) => {
      params[`w${i}`] = word;
    });
  for (const tier of st.tiers(words.length - 1)) {
    // A page of `limit` rows holds enough new cards even if every card found so far comes again.
    for (let offset = 0; ;) {
      const rows = tier.statement.all({ ...params, field: tier.field, limit, offset });
      add(rows);
      if (found.length >= limit) return found.slice(0, limit);
      if (rows.length < limit) break;
      offset += rows.length;
    }
  }
  return found;
}

/**
 * The ranges that hold the name as typed, in this order: surname words then first-name words
 * (`peeters jan`, `van den broeck lotte`), the whole query as the start of a surname of several
 * words (`van den b`), the first word as a first name then the surname (`jan pee`).
 * Every card they give matches every word; each range comes in name order.
 */
function asTypedReads(st: SearchStatements, words: readonly string[]): ((want: number) => unknown[])[] {
  const sep = NAME_KEY_SEPARATOR;
  const reads: ((want: number) => unknown[])[] = [];
  for (let k = 1; k < words.length; k++) {
    const surname = words.slice(0, k);
    const from = `${surname.join(' ')}${sep}${words.slice(k).join(' ')}`;
    reads.push((want) => st.asTyped.all(0, surname.join(''), from, prefixUpperBound(from), want));
  }
  const joined = words.join('');
  const spaced = words.join(' ');
  reads.push((want) =>
    st.surnameAsTyped.all(joined, prefixUpperBound(joined), spaced, prefixUpperBound(spaced), want),
  );
  const rest = words.slice(1).join(' ');
  reads.push((want) => st.asTyped.all(1, words[0], rest, prefixUpperBound(rest), want));
  return reads;
}

/** The word with the fewest name words starting with it; the longest among words past the cap. */
function leadWord(st: SearchStatements, words: readonly string[]): string {
  if (words.length === 1) return words[0] as string;
  let best = words[0] as string;
  let bestCount = Infinity;
  for (const word of words) {
    const count = st.wordCount.get(word, prefixUpperBound(word)) as number;
    const better =
      count < bestCount || (count === bestCount && count >= COUNT_CAP && word.length > best.length);
    if (better) [best, bestCount] = [word, count];
  }
  return best;
}

/** The least string above every string that starts with `word` (code point order = SQLite's BINARY). */
function prefixUpperBound(word: string): string {
  const chars = Array.from(word);
  const last = chars.pop()?.codePointAt(0) ?? 0;
  return chars.join('') + String.fromCodePoint(last + 1);
}

/** Postcode, then school, then card-number prefix; nothing read once `limit` cards are found. */
function digitMatches(
  st: SearchStatements,
  digits: string,
  limit: number,
  found: CardSummary[],
): CardSummary[] {
  const seen = new Set(found.map((row) => row.card));
  const add = (rows: unknown[]): boolean => {
    for (const row of rows as CardSummary[]) {
      if (found.length >= limit) break;
      if (seen.has(row.card)) continue;
      seen.add(row.card);
      found.push(row);
    }
    return found.length >= limit;
  };
  if (found.length >= limit) return found.slice(0, limit);
  if (digits.length === 4 && isValidPostcode(digits) && add(st.byPostcode.all(digits, limit))) return found;
  if (add(st.bySchool.all(digits, limit))) return found;
  if (digits.length < 12) {
    const upper = digits.slice(0, -1) + String.fromCharCode(digits.charCodeAt(digits.length - 1) + 1);
    add(st.byCardPrefix.all(digits, upper, limit));
  }
  return found;
}
