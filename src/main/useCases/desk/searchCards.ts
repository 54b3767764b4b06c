import type { Database, Statement } from 'better-sqlite3';
import type { CardSummary, MatchKind } from '../../../shared/cards/cardStatus';
import { classifyQuery } from '../../../shared/search/classifyQuery';
import type { SearchQuery } from '../../../shared/search/classifyQuery';
import { rankNameMatches } from '../../../shared/search/rankNameMatches';
import { isValidPostcode } from '../../../shared/domain/postcode';
import { CARD_SUMMARY_COLUMNS, CARDS_WITH_STATE } from '../../store/cardStatusSql';

export const DEFAULT_SEARCH_LIMIT = 50;
/** Matches of a query of several words read before ranking; a broader query is narrowed by typing on. */
const NAME_CANDIDATES = 400;

type Row = Omit<CardSummary, 'match'>;
type NameRow = Row & { id: number };

/** Prepared once per database: search runs on every keystroke. */
class SearchStatements {
  readonly byCard: Statement;
  readonly byStamboek: Statement;
  readonly byPostcode: Statement;
  readonly bySchool: Statement;
  readonly byCardPrefix: Statement;
  /** One word, in rank order: [whole surname word, whole first name, surname prefix, first-name prefix]. */
  readonly wordTiers: [Statement, Statement, Statement, Statement];
  readonly nameCandidates: Statement;
  readonly byIds: Statement;

  constructor(db: Database) {
    const select = `SELECT ${CARD_SUMMARY_COLUMNS} FROM ${CARDS_WITH_STATE}`;
    this.byCard = db.prepare(`${select} WHERE c.card = ?`);
    this.byStamboek = db.prepare(
      `${select} WHERE c.stamboeknummer = ? ORDER BY c.replaced_by IS NOT NULL, c.card`,
    );
    this.byPostcode = db.prepare(`${select} WHERE c.postcode = ? ORDER BY c.achternaam, c.voornaam LIMIT ?`);
    this.bySchool = db.prepare(`${select} WHERE c.school = ? ORDER BY c.achternaam, c.voornaam LIMIT ?`);
    this.byCardPrefix = db.prepare(`${select} WHERE c.card >= ? AND c.card < ? ORDER BY c.card LIMIT ?`);
    const words = `SELECT ${CARD_SUMMARY_COLUMNS}, c.id AS id
       FROM name_words w JOIN cards c ON c.id = w.card_id LEFT JOIN card_state s ON s.card_id = c.id`;
    const page = 'LIMIT ? OFFSET ?';
    const whole = `${words} WHERE w.field = ? AND w.word = ? ORDER BY w.name_key, w.card_id ${page}`;
    const prefix = `${words} WHERE w.field = ? AND w.word > ? AND w.word < ?
       ORDER BY w.word, w.name_key, w.card_id ${page}`;
    const [w, p] = [db.prepare(whole), db.prepare(prefix)];
    this.wordTiers = [w, w, p, p];
    this.nameCandidates = db.prepare(
      `SELECT c.id, c.search_text AS searchText, c.name_key AS nameKey
       FROM cards_fts f JOIN cards c ON c.id = f.rowid WHERE cards_fts MATCH ? LIMIT ?`,
    );
    this.byIds = db.prepare(
      `SELECT ${CARD_SUMMARY_COLUMNS}, c.id AS id FROM ${CARDS_WITH_STATE}
       WHERE c.id IN (SELECT value FROM json_each(?))`,
    );
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

function tag(rows: unknown[], match: MatchKind): CardSummary[] {
  return (rows as Row[]).map((row) => ({ ...row, match }));
}

function asNameMatch({ id: _unused, ...summary }: NameRow): CardSummary {
  return { ...summary, match: 'name' };
}

/** `"jan"* "peet"*`: every word must match the start of some word of the name, in any order. */
export function ftsPrefixQuery(words: readonly string[]): string {
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
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
      return tag(st.byCard.all(query.card), 'card');
    case 'stamboeknummer': {
      const exact = tag(st.byStamboek.all(query.stamboeknummer), 'stamboeknummer');
      const digits = query.padded ? query.stamboeknummer.replace(/^0+/, '') : query.stamboeknummer;
      return dedupe([...exact, ...digitMatches(st, digits, limit)], limit);
    }
    case 'digits':
      return dedupe(digitMatches(st, query.digits, limit), limit);
    case 'name':
      return query.words.length === 1
        ? oneWord(st, query.words[0] as string, limit)
        : severalWords(st, query.words, limit);
  }
}

/**
 * Reads the tiers in rank order and stops at `limit` cards: a surname shared by 6,000 teachers
 * costs the same as a rare one. A card already found (in an earlier tier, or by another of its
 * words) is skipped; then the tier is read on by another page, which is rare.
 */
function oneWord(st: SearchStatements, word: string, limit: number): CardSummary[] {
  const bound = prefixUpperBound(word);
  const seen = new Set<number>();
  const found: CardSummary[] = [];
  for (const [tier, statement] of st.wordTiers.entries()) {
    const range = tier < 2 ? [tier % 2, word] : [tier % 2, word, bound];
    for (let offset = 0; ;) {
      const want = limit - found.length;
      const rows = statement.all(...range, want, offset) as NameRow[];
      for (const row of rows) {
        if (seen.has(row.id)) continue;
        seen.add(row.id);
        found.push(asNameMatch(row));
      }
      if (found.length >= limit) return found;
      if (rows.length < want) break;
      offset += rows.length;
    }
  }
  return found;
}

/** The least string above every string that starts with `word` (code point order = SQLite's BINARY). */
function prefixUpperBound(word: string): string {
  const chars = Array.from(word);
  const last = chars.pop()?.codePointAt(0) ?? 0;
  return chars.join('') + String.fromCodePoint(last + 1);
}

/** Candidates from FTS5 (every word a prefix), ranked on their name key; only the shown ones are read whole. */
function severalWords(st: SearchStatements, words: readonly string[], limit: number): CardSummary[] {
  const candidates = st.nameCandidates.all(ftsPrefixQuery(words), NAME_CANDIDATES) as {
    id: number;
    searchText: string;
    nameKey: string;
  }[];
  const best = rankNameMatches(candidates, words, limit);
  const rows = new Map(
    (st.byIds.all(JSON.stringify(best.map((c) => c.id))) as NameRow[]).map((r) => [r.id, r]),
  );
  return best.flatMap((c) => {
    const row = rows.get(c.id);
    return row ? [asNameMatch(row)] : [];
  });
}

function digitMatches(st: SearchStatements, digits: string, limit: number): CardSummary[] {
  const found: CardSummary[] = [];
  if (digits.length === 4 && isValidPostcode(digits))
    found.push(...tag(st.byPostcode.all(digits, limit), 'postcode'));
  found.push(...tag(st.bySchool.all(digits, limit), 'school'));
  if (digits.length < 12) {
    const upper = digits.slice(0, -1) + String.fromCharCode(digits.charCodeAt(digits.length - 1) + 1);
    found.push(...tag(st.byCardPrefix.all(digits, upper, limit), 'card_prefix'));
  }
  return found;
}

function dedupe(rows: CardSummary[], limit: number): CardSummary[] {
  const seen = new Set<string>();
  const out: CardSummary[] = [];
  for (const row of rows) {
    if (seen.has(row.card)) continue;
    seen.add(row.card);
    out.push(row);
    if (out.length >= limit) break;
  }
  return out;
}
