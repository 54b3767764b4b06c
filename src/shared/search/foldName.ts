/**
 * Names as staff type them: no case, no accents, particles and apostrophes as plain word breaks.
 * `Öztürk` → `ozturk`, `'t Kint` → `t kint`, `Nguyễn` → `nguyen`.
 */
const SPECIAL_LETTERS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Most Flemish names are plain ASCII letters: they need no Unicode normalisation. */
const PLAIN_NAME = /^[A-Za-z0-9 ]*$/;

export function foldText(text: string): string {
  if (PLAIN_NAME.test(text)) return text.toLowerCase().replace(/ {2,}/g, ' ').trim();
  return foldUnicode(text);
}

/** The full rule for any text; `foldText` takes a shortcut for plain names with the same result. */
export function foldUnicode(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øæœßłđðþı]/g, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function foldedWords(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ');
}

/**
 * What the name index holds for one card: every word of both names, plus the surname written
 * as one word, so `vandenbroeck`, `van den b` and `broeck` all find `Van den Broeck`.
 */
export function nameSearchText(voornaam: string, achternaam: string): string {
  const surnameWords = foldedWords(achternaam);
  const words = [...foldedWords(voornaam), ...surnameWords];
  if (surnameWords.length > 1) words.push(surnameWords.join(''));
  return words.join(' ');
}

/** Separates the surname from the first name in a name key; below every letter and the space. */
export const NAME_KEY_SEPARATOR = '\u0001';

/**
 * How a card sorts among name matches: folded surname, then folded first name, compared as plain
 * strings. Stored with the card so SQLite's indexes hand out results already in this order.
 */
export function nameSortKey(voornaam: string, achternaam: string): string {
  return `${foldedWords(achternaam).join(' ')}${NAME_KEY_SEPARATOR}${foldedWords(voornaam).join(' ')}`;
}

/** nameSearchText and nameSortKey of one card at once, each name folded once (the import's hot loop). */
export function nameIndexTexts(
  voornaam: string,
  achternaam: string,
): { searchText: string; sortKey: string } {
  const firstWords = foldedWords(voornaam);
  const surnameWords = foldedWords(achternaam);
  const words = [...firstWords, ...surnameWords];
  if (surnameWords.length > 1) words.push(surnameWords.join(''));
  return {
    searchText: words.join(' '),
    sortKey: `${surnameWords.join(' ')}${NAME_KEY_SEPARATOR}${firstWords.join(' ')}`,
  };
}
