import type { CardSummary } from '../../shared/cards/cardStatus';
import { StatusBadge } from '../app/StatusBadge';
import { fullName, groupedCard, placeOf } from './cardDisplay';

export function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/** Search results as a listbox: the input keeps focus and points at the active row. */
export function ResultsList({
  id,
  label,
  results,
  active,
  onPick,
}: {
  id: string;
  label: string;
  results: CardSummary[];
  active: number;
  onPick(summary: CardSummary): void;
}) {
  return (
    <ul id={id} role="listbox" aria-label={label} className="results-list">
      {results.map((r, i) => (
        <li
          key={r.card}
          id={optionId(id, i)}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'result-row active' : 'result-row'}
          data-card={r.card}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(r)}
        >
          <span className="result-name">{fullName(r)}</span>
          <span className="result-card mono">{groupedCard(r.card)}</span>
          <span className="result-place">{placeOf(r)}</span>
          <StatusBadge status={r.status} />
        </li>
      ))}
    </ul>
  );
}
