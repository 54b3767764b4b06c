import { FailureNotice } from '../app/FailureNotice';
import { useLang } from '../app/i18n';
import { problemText } from '../components/problemText';
import { AnomaliesPanel } from './overview/AnomaliesPanel';
import { ExportPdfButton } from './overview/ExportPdfButton';
import { LastReportPanel } from './overview/LastReportPanel';
import { PerDayChart } from './overview/PerDayChart';
import { PostcodeSection } from './overview/PostcodeSection';
import { TotalsPanel } from './overview/TotalsPanel';
import { useOverviewData } from './overview/useOverviewData';

/** Overzicht: progress of the point at a glance, per day and per postcode. */
export function OverviewScreen() {
  const { t, lang } = useLang();
  const { data, reload } = useOverviewData();
  return (
    <div className="overview">
      <div className="screen-title-row">
        <h1 id="overview-title">{t('app.nav.overview')}</h1>
        <div className="overview-actions">
          <button type="button" className="secondary-button" onClick={reload}>
            {t('overview.reload')}
          </button>
          <ExportPdfButton />
        </div>
      </div>
      {data.state === 'loading' && <p className="loading">{t('app.loading')}</p>}
      {data.state === 'failed' && <FailureNotice text={problemText(data.failure, lang)} onRetry={reload} />}
      {data.state === 'ready' && (
        <>
          <AnomaliesPanel />
          <div className="overview-top">
            <TotalsPanel stats={data.stats} />
            <LastReportPanel report={data.stats.lastReport} />
          </div>
          <PerDayChart perDay={data.stats.perDay} />
          <PostcodeSection rows={data.stats.totals.byPostcode} points={data.map} />
        </>
      )}
    </div>
  );
}
