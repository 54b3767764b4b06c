import type { CardSummary } from '../../shared/cards/cardStatus';
import { useT } from '../app/i18n';
import { fullName, groupedCard, maskedStamboeknummer, placeOf } from './cardDisplay';

/** Who the card belongs to: only what the desk needs to compare with an ID. */
export function CardIdentity({ summary }: { summary: CardSummary }) {
  const t = useT();
  const masked = maskedStamboeknummer(summary.stamboeknummer);
  return (
    <div className="card-identity">
      <h2 className="card-holder">{fullName(summary) || t('balie.card.noName')}</h2>
      <dl className="card-facts">
        <div>
          <dt>{t('balie.card.number')}</dt>
          <dd className="mono" data-testid="card-number">
            {groupedCard(summary.card)}
          </dd>
        </div>
        {masked && (
          <div>
            <dt>{t('balie.card.stamboeknummer')}</dt>
            <dd className="mono" aria-label={t('balie.card.stamboekEnds', { digits: masked.slice(-4) })}>
              {masked}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('balie.card.place')}</dt>
          <dd>{placeOf(summary)}</dd>
        </div>
      </dl>
    </div>
  );
}
