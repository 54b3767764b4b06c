import type { PlainTextKey } from '../../../shared/i18n/texts';
import type { OverviewStats } from '../../../shared/api/apiTypes';
import { useLang } from '../../app/i18n';
import { formatCount, formatPercent, rateOf } from './formatNumbers';

/** The big numbers: how many cards, how many collected, the percentage, and what is left. */
export function TotalsPanel({ stats }: { stats: OverviewStats }) {
  const { t, lang } = useLang();
  const { totals } = stats;
  const percent = formatPercent(totals.collected, totals.cards, lang);
  const others: { key: PlainTextKey; n: number }[] = [
    { key: 'overview.totals.waiting', n: totals.waiting },
    { key: 'overview.totals.revoked', n: totals.revoked },
    { key: 'overview.totals.replaced', n: totals.replaced },
    { key: 'overview.totals.returned', n: totals.returned },
  ];
  return (
    <section className="panel overview-totals" aria-labelledby="overview-totals-title">
      <h2 id="overview-totals-title">{t('overview.totals.title')}</h2>
      <p className="overview-big" data-testid="overview-collected">
        <span className="overview-big-percent">{percent}</span>{' '}
        <span className="overview-big-words">
          {t('overview.totals.collectedOf', {
            collected: formatCount(totals.collected, lang),
            cards: formatCount(totals.cards, lang),
          })}
        </span>
      </p>
      <div className="overview-progress" aria-hidden="true">
        <div
          className="overview-progress-bar"
          style={{ width: `${Math.round(rateOf(totals.collected, totals.cards) * 1000) / 10}%` }}
        />
      </div>
      <ul className="overview-counts">
        {others.map((o) => (
          <li key={o.key}>
            <strong>{formatCount(o.n, lang)}</strong> {t(o.key)}
          </li>
        ))}
        <li data-testid="overview-leftovers">
          <strong>{formatCount(stats.leftovers, lang)}</strong> {t('overview.totals.leftovers')}
        </li>
      </ul>
    </section>
  );
}
