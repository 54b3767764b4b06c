import { useEffect, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import type { CardSummary } from '../../shared/cards/cardStatus';
import { numberFromAzertyRow } from '../../shared/scan/azerty';
import { classifyQuery } from '../../shared/search/classifyQuery';
import { useT } from '../app/i18n';
import { optionId, ResultsList } from './ResultsList';
import type { CardSearchState } from './useCardSearch';

interface CardSearchProps {
  id: string;
  label: string;
  hint: string;
  search: CardSearchState;
  /** A row was picked, or a complete valid card number was entered (then `summary` is null). */
  onCard(card: string, summary: CardSummary | null): void;
  /**
   * A complete card number in the field waits for Enter instead of counting at once. The Balie
   * needs it: the Enter a person presses after typing the number must open the card, not land on
   * the hand-out button of a card that already opened.
   */
  cardOnEnter?: boolean;
  /** Escape in an empty field: the screen goes back to its start. */
  onEscape?(): void;
  inputRef?: RefObject<HTMLInputElement | null>;
  autoFocus?: boolean;
  large?: boolean;
}

/**
 * `&é"'(§è!çà…` is a number typed on AZERTY without Shift (or a scanner's keys that got
 * through): never a name, so the field shows and searches the digits.
 */
function fieldText(typed: string): string {
  return numberFromAzertyRow(typed) ?? typed;
}

/**
 * What the field will hold once this keydown's letter is typed: a letter (names are letters;
 * numbers keep the plain path, with the AZERTY and card rules of onChange) replaces the selection.
 * Null for anything else: other keys, shortcuts, AltGr, a composition.
 */
function textAfterLetter(e: KeyboardEvent<HTMLInputElement>): string | null {
  if (e.ctrlKey || e.altKey || e.metaKey || e.nativeEvent.isComposing) return null;
  if (e.key.length !== 1 || !/\p{L}/u.test(e.key)) return null;
  const { value, selectionStart, selectionEnd } = e.currentTarget;
  if (selectionStart === null || selectionEnd === null) return null;
  return value.slice(0, selectionStart) + e.key + value.slice(selectionEnd);
}

/** One field for names, card numbers, stamboeknummers and postcodes, with results as you type. */
export function CardSearch({
  id,
  label,
  hint,
  search,
  onCard,
  onEscape,
  cardOnEnter = false,
  inputRef,
  autoFocus,
  large,
}: CardSearchProps) {
  const t = useT();
  const [active, setActive] = useState(0);
  const { query, setQuery, results, forQuery } = search;
  const listId = `${id}-results`;
  const settled = query.trim() !== '' && forQuery === query;
  // Arrows and Enter work on the newest query's answer only.
  const shown = settled ? results : [];
  // While that answer is out, the last one stays in view, marked busy and without a highlighted
  // row: the list neither vanishes nor comes back on every keystroke (a flicker, and every row
  // made anew), and the rows the next answer keeps are not re-made.
  const listed = query.trim() === '' ? [] : results;

  useEffect(() => setActive(0), [results]);

  const choose = (card: string, summary: CardSummary | null) => {
    setQuery('');
    onCard(card, summary);
  };

  const onChange = (typed: string) => {
    const value = fieldText(typed);
    const kind = classifyQuery(value);
    if (kind.kind === 'card' && !cardOnEnter) choose(kind.card, null);
    else setQuery(value);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.defaultPrevented) return;
    const typed = textAfterLetter(e);
    if (typed !== null) {
      const value = fieldText(typed);
      if (classifyQuery(value).kind !== 'card') search.askAhead(value);
    }
    if (e.key === 'ArrowDown' && shown.length > 0) {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, shown.length - 1));
    } else if (e.key === 'ArrowUp' && shown.length > 0) {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const kind = classifyQuery(query);
      if (kind.kind === 'card') choose(kind.card, null);
      else {
        const picked = shown[active];
        if (picked) choose(picked.card, picked);
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (query !== '') setQuery('');
      else onEscape?.();
    }
  };

  const badCheck = classifyQuery(query).kind === 'card_bad_check';

  return (
    <div className={large ? 'card-search large' : 'card-search'}>
      <label htmlFor={id} className="search-label">
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        type="search"
        inputMode="text"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        autoFocus={autoFocus}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={listed.length > 0}
        aria-controls={listed.length > 0 ? listId : undefined}
        aria-activedescendant={shown.length > 0 ? optionId(listId, active) : undefined}
        aria-describedby={`${id}-hint`}
        className="search-input"
        value={query}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="search-hint">
        {hint}
      </p>
      {badCheck && (
        <p className="search-note tone-stop" role="status">
          {t('balie.search.badCheck')}
        </p>
      )}
      {settled && shown.length === 0 && !badCheck && (
        <p className="search-note" role="status">
          {t('balie.search.none', { query: query.trim() })}
        </p>
      )}
      {listed.length > 0 && (
        <ResultsList
          id={listId}
          label={t('balie.search.results')}
          results={listed}
          busy={!settled}
          active={settled ? active : -1}
          onPick={(s) => choose(s.card, s)}
        />
      )}
    </div>
  );
}
