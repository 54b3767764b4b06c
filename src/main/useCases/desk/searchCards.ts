import type { Database, Statement } from 'better-sqlite3';
import type { CardSummary, MatchKind } from '../../../shared/cards/cardStatus';
import { classifyQuery } from '../../../shared/search/classifyQuery';
import type { SearchQuery } from '../../../shared/search/classifyQuery';
import { rankNameMatches } from '../../../shared/search/rankNameMatches';
import { isValidPostcode } from '../../../shared/domain/postcode';
import { CARD_SUMMARY_COLUMNS, CARDS_WITH_STATE } from '../../store/cardStatusSql';

export const DEFAULT_SEARCH_LIMIT = 50;
/** Name matches read before ranking; a broader query is narrowed by typing on. */
const NAME_CANDIDATES = 400;

type Row = Omit<CardSummary, 'match'> & { searchText?: string };

/** Prepared once per database: search runs on every keystroke. */
class SearchStatements {
  readonly byCard: Statement;
  readonly byStamboek: Statement;
  readonly byPostcode: Statement;
  readonly bySchool: Statement;
  readonly byCardPrefix: Statement;
  readonly byName: Statement;

  constructor(db: Database) {
    const select = `SELECT ${CARD_SUMMARY_COLUMNS} FROM ${CARDS_WITH_STATE}`;
    this.byCard = db.prepare(`${select} WHERE c.card = ?`);
    this.byStamboek = db.prepare(
      `${select} WHERE c.stamboeknummer = ? ORDER BY c.replaced_by IS NOT NULL, c.card`,
    );
    this.byPostcode = db.prepare(`${select} WHERE c.postcode = ? ORDER BY c.achternaam, c.voornaam LIMIT ?`);
    this.bySchool = db.prepare(`${select} WHERE c.school = ? ORDER BY c.achternaam, c.voornaam LIMIT ?`);
    this.byCardPrefix = db.prepare(`${select} WHERE c.card >= ? AND c.card < ? ORDER BY c.card LIMIT ?`);
    this.byName = db.prepare(
      `SELECT ${CARD_SUMMARY_COLUMNS}, c.search_text AS searchText
       FROM cards_fts f JOIN cards c ON c.id = f.rowid LEFT JOIN card_state s ON s.card_id = c.id
       WHERE cards_fts MATCH ? LIMIT ?`,
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
  return (rows as Row[]).map((row) => {
    const { searchText: _unused, ...summary } = row;
    return { ...summary, match };
  });
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
    case 'name': {
      const rows = st.byName.all(ftsPrefixQuery(query.words), NAME_CANDIDATES) as Row[];
      return rankNameMatches(rows, query.words)
        .slice(0, limit)
        .map(({ searchText: _unused, ...summary }) => ({ ...summary, match: 'name' as const }));
    }
  }
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
