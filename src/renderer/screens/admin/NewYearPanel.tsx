import { useState } from 'react';
import type { NewYearView } from '../../../shared/api/apiTypes';
import { useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { formatCount } from '../overview/formatNumbers';
import { describeAdminFailure } from './adminFailureText';
import { downloadBase64 } from '../../components/downloadBase64';
import { Notice } from './Notice';

/** The year rollover: closes the card year and offers the final report as a download. */
export function NewYearPanel({ pin }: { pin: string }) {
  const { api, staff } = useDesk();
  const { t, lang } = useLang();
  const [year, setYear] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [done, setDone] = useState<NewYearView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const cardYear = /^\d{4}$/.test(year) ? Number(year) : null;

  const start = async () => {
    if (cardYear === null) return;
    setBusy(true);
    setError(null);
    const result = await api.newYear({ cardYear, staff, adminPin: pin });
    setBusy(false);
    if (!result.ok) return setError(describeAdminFailure(result, t, lang));
    setDone(result.value);
    setConfirmed(false);
    const r = result.value.finalReport;
    downloadBase64(r.fileName, r.contentBase64, 'application/json');
  };

  return (
    <section className="panel" aria-labelledby="admin-year-title">
      <h2 id="admin-year-title">{t('admin.year.title')}</h2>
      <p>{t('admin.year.intro')}</p>
      <label>
        {t('admin.year.cardYear')}
        <input
          type="text"
          inputMode="numeric"
          pattern="[0-9]{4}"
          maxLength={4}
          value={year}
          onChange={(e) => setYear(e.target.value.trim())}
        />
      </label>
      <label>
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
        {t('admin.year.confirm')}
      </label>
      <button
        type="button"
        className="big-button"
        disabled={busy || !confirmed || cardYear === null}
        onClick={() => void start()}
      >
        {t('admin.year.start')}
      </button>
      {error && <Notice tone="stop">{error}</Notice>}
      {done && (
        <Notice tone="ok" testId="new-year-done">
          <p>
            {t('admin.year.done', {
              previous: done.previousCardYear,
              year: done.cardYear,
              leftovers: formatCount(done.leftoversReturned, lang),
              archived: formatCount(done.cardsArchived, lang),
              archive: done.archiveFile,
            })}
          </p>
          <p>
            {t('admin.year.report', {
              sequence: done.finalReport.sequence,
              collected: formatCount(done.finalReport.collected, lang),
              cards: formatCount(done.finalReport.cards, lang),
            })}
          </p>
        </Notice>
      )}
    </section>
  );
}
