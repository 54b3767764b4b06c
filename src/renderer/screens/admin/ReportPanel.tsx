import { useState } from 'react';
import type { ReportExport } from '../../../shared/api/apiTypes';
import { useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { formatCount } from '../overview/formatNumbers';
import { describeAdminFailure } from './adminFailureText';
import { downloadBase64 } from '../../components/downloadBase64';
import { Notice } from './Notice';
import { useWorkProgress, WorkProgress } from './WorkProgress';

/** Makes the next signed report and offers it as a download, to send to the issuer. */
export function ReportPanel({ pin }: { pin: string }) {
  const { api } = useDesk();
  const { t, lang } = useLang();
  const [report, setReport] = useState<ReportExport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const work = useWorkProgress('exportReport');

  const save = (r: ReportExport) => downloadBase64(r.fileName, r.contentBase64, 'application/json');
  const make = async () => {
    work.reset();
    setBusy(true);
    setError(null);
    const result = await api.exportReport({ adminPin: pin });
    setBusy(false);
    if (!result.ok) return setError(describeAdminFailure(result, t, lang));
    setReport(result.value);
    save(result.value);
  };

  return (
    <section className="panel" aria-labelledby="admin-report-title">
      <h2 id="admin-report-title">{t('admin.report.title')}</h2>
      <p>{t('admin.report.intro')}</p>
      <button type="button" className="big-button" disabled={busy} onClick={() => void make()}>
        {t('admin.report.make')}
      </button>
      {work.progress && !error && <WorkProgress progress={work.progress} finished={!busy} />}
      {error && <Notice tone="stop">{error}</Notice>}
      {report && (
        <div data-testid="report-made">
          <Notice tone="ok">
            <p>
              {t('admin.report.made', {
                sequence: report.sequence,
                collected: formatCount(report.collected, lang),
                cards: formatCount(report.cards, lang),
              })}
            </p>
            <p>{t('admin.report.file', { file: report.fileName })}</p>
            <p className="admin-keyid">{t('admin.report.keyId', { keyId: report.keyId })}</p>
          </Notice>
          {report.newKey && (
            <Notice tone="warning" live="none">
              {t('admin.report.newKey')}
            </Notice>
          )}
          <button type="button" className="secondary-button" onClick={() => save(report)}>
            {t('admin.report.again')}
          </button>
        </div>
      )}
    </section>
  );
}
