/**
 * Orders the candidates of a query of several words the way a person expects: whole-word
 * matches before prefixes, then by name (surname, then first name). The name order is the stored
 * name key (`nameSortKey`), the same order the one-word search reads from its index.
 */
export interface RankableName {
  searchText: string;
  nameKey: string;
}

function score(searchText: string, words: readonly string[]): number {
  const nameWords = searchText.split(' ');
  let total = 0;
  for (const word of words) {
    if (nameWords.includes(word)) total += 2;
    else if (nameWords.some((n) => n.startsWith(word))) total += 1;
  }
  return total;
}

/** The best `limit` rows, in order. */
export function rankNameMatches<T extends RankableName>(
  rows: readonly T[],
  words: readonly string[],
  limit = rows.length,
): T[] {
  const scored = rows.map((row) => ({ row, score: score(row.searchText, words) }));
  scored.sort(
    (a, b) =>
      b.score - a.score || (a.row.nameKey < b.row.nameKey ? -1 : a.row.nameKey > b.row.nameKey ? 1 : 0),
  );
  return scored.slice(0, limit).map((s) => s.row);
}
