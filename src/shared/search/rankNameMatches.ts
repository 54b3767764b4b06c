/**
 * Orders name matches the way a person expects: whole-word matches before prefixes, the
 * surname before the first name, then alphabetically.
 */
export interface RankableName {
  searchText?: string;
  achternaam: string | null;
  voornaam: string | null;
}

const collator = new Intl.Collator('nl', { sensitivity: 'base' });

function score(searchText: string, words: readonly string[]): number {
  const nameWords = searchText.split(' ');
  let total = 0;
  for (const word of words) {
    if (nameWords.includes(word)) total += 2;
    else if (nameWords.some((n) => n.startsWith(word))) total += 1;
  }
  return total;
}

export function rankNameMatches<T extends RankableName>(rows: readonly T[], words: readonly string[]): T[] {
  const scored = rows.map((row) => ({ row, score: score(row.searchText ?? '', words) }));
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      collator.compare(a.row.achternaam ?? '', b.row.achternaam ?? '') ||
      collator.compare(a.row.voornaam ?? '', b.row.voornaam ?? ''),
  );
  return scored.map((s) => s.row);
}
