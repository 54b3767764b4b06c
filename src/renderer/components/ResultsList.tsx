import { memo } from 'react';
import type { MouseEvent } from 'react';
import type { CardSummary } from '../../shared/cards/cardStatus';
import { StatusBadge } from '../app/StatusBadge';
import { fullName, groupedCard, placeOf } from './cardDisplay';

export function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/**
 * One row. Memoised: typing on mostly returns the same cards, and moving the active row
 * changes two rows, so React re-renders only the rows whose card, place or highlight changed.
 */
const ResultRow = memo(function ResultRow({
  optionKey,
  summary,
  active,
}: {
  optionKey: string;
  summary: CardSummary;
  active: boolean;
}) {
  return (
    <li
      id={optionKey}
      role="option"
      aria-selected={active}
      className={active ? 'result-row active' : 'result-row'}
      data-card={summary.card}
    >
      <span className="result-name">{fullName(summary)}</span>
      <span className="result-card mono">{groupedCard(summary.card)}</span>
      <span className="result-place">{placeOf(summary)}</span>
      <StatusBadge status={summary.status} />
    </li>
  );
});

/**
 * Search results as a listbox: the input keeps focus and points at the active row. Clicks are
 * handled once on the list (by the row's card), so rows carry no callbacks that change per render.
 */
export function ResultsList({
  id,
  label,
  results,
  busy,
  active,
  onPick,
}: {
  id: string;
  label: string;
  results: CardSummary[];
  /** The rows answer an earlier query; the newest one's answer is on its way. */
  busy: boolean;
  /** The highlighted row, or -1 for none. */
  active: number;
  onPick(summary: CardSummary): void;
}) {
  const picked = (e: MouseEvent<HTMLUListElement>) => {
    const card = (e.target as HTMLElement).closest('li')?.dataset.card;
    const summary = results.find((r) => r.card === card);
    if (summary) onPick(summary);
  };
  return (
    // The options are reached from the combobox input (aria-activedescendant); the list only
    // keeps the mouse from taking the focus away from it.
    <ul
      id={id}
      role="listbox"
      aria-label={label}
      aria-busy={busy}
      className="results-list"
      onMouseDown={(e) => e.preventDefault()}
      onClick={picked}
    >
      {results.map((r, i) => (
        <ResultRow key={r.card} optionKey={optionId(id, i)} summary={r} active={i === active} />
      ))}
    </ul>
  );
}
