import type { OverviewStats } from '../../../shared/api/apiTypes';
import { useLang } from '../../app/i18n';
import { Icon } from '../../app/icons';
import { formatCount, formatInstant } from './formatNumbers';

/** When the last signed report was made, and what it said. */
export function LastReportPanel({ report }: { report: OverviewStats['lastReport'] }) {
  const { t, lang } = useLang();
  return (
    <section className="panel" aria-labelledby="overview-report-title">
      <h2 id="overview-report-title">{t('overview.report.title')}</h2>
      {report ? (
        <p className="overview-report" data-testid="overview-last-report">
          <Icon name="ok" size={22} />
          {t('overview.report.last', {
            sequence: report.sequence,
            when: formatInstant(report.generatedAt),
            collected: formatCount(report.collected, lang),
            cards: formatCount(report.cards, lang),
          })}
        </p>
      ) : (
        <p className="overview-report" data-testid="overview-last-report">
          <Icon name="info" size={22} />
          {t('overview.report.none')}
        </p>
      )}
    </section>
  );
}
