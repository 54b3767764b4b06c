import type { PlainTextKey } from '../../../shared/i18n/texts';
import { countProblems } from '../../../shared/batch/problemCollector';
import type { ImportSummary } from '../../../shared/batch/importSummary';
import { formatDay, useLang } from '../../app/i18n';
import { formatCount } from '../overview/formatNumbers';
import { ImportProblemList } from './ImportProblemList';
import { Notice } from './Notice';

/** What an import changes (preview) or changed (done): the counts, the period, the warnings. */
export function ImportSummaryView({ summary, done }: { summary: ImportSummary; done: boolean }) {
  const { t, lang } = useLang();
  const rows: [PlainTextKey, number][] = [
    ['admin.import.added', summary.added],
    ['admin.import.updated', summary.updated],
    ['admin.import.unchanged', summary.unchanged],
    ['admin.import.revoked', summary.revoked],
    ['admin.import.replaced', summary.replaced],
    ['admin.import.skippedOlder', summary.skippedOlder],
    // The list keeps the first 50 and says how many more: count them all.
    ['admin.import.warnings', countProblems(summary.warnings)],
  ];
  return (
    <div className="import-summary" data-testid={done ? 'import-done' : 'import-preview'}>
      <Notice tone={summary.signature === 'valid' ? 'ok' : 'warning'} live="none">
        <p>
          {t(done ? 'admin.import.doneTitle' : 'admin.import.previewTitle', {
            batchId: summary.batchId,
            pointId: summary.pointId,
          })}
        </p>
        <p>
          {t('admin.import.period', {
            from: formatDay(summary.availableFrom),
            until: formatDay(summary.availableUntil),
          })}{' '}
          {t(summary.signature === 'valid' ? 'admin.import.signed' : 'admin.import.unsignedOverride')}
        </p>
      </Notice>
      {summary.alreadyImported && (
        <Notice tone="info" live="none">
          {t('admin.import.alreadyImported')}
        </Notice>
      )}
      <table className="admin-counts">
        <caption className="sr-only">{t('admin.import.countsCaption')}</caption>
        <tbody>
          {rows.map(([key, n]) => (
            <tr key={key}>
              <th scope="row">{t(key)}</th>
              <td className="num">{formatCount(n, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.warnings.length > 0 && (
        <>
          <h3>{t('admin.import.warningsTitle')}</h3>
          <ImportProblemList problems={summary.warnings} testId="import-warnings" />
        </>
      )}
      {done && summary.backup && (
        <p className="admin-note">{t('admin.import.backup', { file: summary.backup })}</p>
      )}
    </div>
  );
}
