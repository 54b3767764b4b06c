import type { CardSummary } from '../../shared/cards/cardStatus';
import { useT } from '../app/i18n';
import { fullName, groupedCard, maskedStamboeknummer, placeOf } from './cardDisplay';

/**
 * Who the card belongs to: only what the desk needs to compare with an ID. Without a summary
 * (still being checked, or not on this point's list) the number alone is the heading. The same
 * elements either way, hidden rather than left out, so a scan changes text, not the tree.
 */
export function CardIdentity({ card, summary }: { card: string; summary: CardSummary | null }) {
  const t = useT();
  const masked = summary ? maskedStamboeknummer(summary.stamboeknummer) : null;
  return (
    <div className="card-identity">
      <h2 className={summary ? 'card-holder' : 'card-holder mono'}>
        {summary ? fullName(summary) || t('balie.card.noName') : groupedCard(card)}
      </h2>
      <dl className="card-facts" hidden={!summary}>
        <div>
          <dt>{t('balie.card.number')}</dt>
          <dd className="mono" data-testid="card-number">
            {groupedCard(card)}
          </dd>
        </div>
        <div hidden={!masked}>
          <dt>{t('balie.card.stamboeknummer')}</dt>
          <dd
            className="mono"
            aria-label={masked ? t('balie.card.stamboekEnds', { digits: masked.slice(-4) }) : undefined}
          >
            {masked}
          </dd>
        </div>
        <div>
          <dt>{t('balie.card.place')}</dt>
          <dd>{summary ? placeOf(summary) : ''}</dd>
        </div>
      </dl>
    </div>
  );
}
