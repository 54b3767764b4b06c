import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/api/apiTypes';
import { isTransportFailure } from '../../../shared/api/transportFailure';
import { FailureNotice } from '../../app/FailureNotice';
import { useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { localeOf } from '../overview/formatNumbers';
import { describeAdminFailure } from './adminFailureText';
import { Notice } from './Notice';
import { useWorkProgress, WorkProgress } from './WorkProgress';

function formatSize(bytes: number, locale: string): string {
  const mb = bytes / (1024 * 1024);
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return mb >= 1 ? `${format.format(mb)} MB` : `${format.format(bytes / 1024)} kB`;
}

/** The store's backups (newest first) and a button to make one now. */
export function BackupsPanel({ pin }: { pin: string }) {
  const { api } = useDesk();
  const { t, lang } = useLang();
  const [list, setList] = useState<BackupInfo[] | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'stop'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [loadFailure, setLoadFailure] = useState<string | null>(null);
  const work = useWorkProgress('backupNow');

  const load = useCallback(async () => {
    const result = await api.backups({ adminPin: pin });
    setLoadFailure(null);
    if (result.ok) setList(result.value);
    else if (isTransportFailure(result)) setLoadFailure(describeAdminFailure(result, t, lang));
    else setMessage({ tone: 'stop', text: describeAdminFailure(result, t, lang) });
  }, [api, pin, t, lang]);

  useEffect(() => {
    void load();
  }, [load]);

  const backupNow = async () => {
    work.reset();
    setMessage(null);
    setBusy(true);
    const result = await api.backupNow({ adminPin: pin });
    setBusy(false);
    if (!result.ok) return setMessage({ tone: 'stop', text: describeAdminFailure(result, t, lang) });
    setMessage({ tone: 'ok', text: t('admin.backups.made', { name: result.value.name }) });
    await load();
  };

  return (
    <section className="panel" aria-labelledby="admin-backups-title">
      <h2 id="admin-backups-title">{t('admin.backups.title')}</h2>
      <p>{t('admin.backups.intro')}</p>
      <button type="button" className="big-button" disabled={busy} onClick={() => void backupNow()}>
        {t('admin.backups.now')}
      </button>
      {work.progress && message?.tone !== 'stop' && (
        <WorkProgress progress={work.progress} finished={!busy} />
      )}
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {loadFailure && <FailureNotice text={loadFailure} className="" onRetry={() => void load()} />}
      {list && list.length === 0 && <p>{t('admin.backups.none')}</p>}
      {list && list.length > 0 && (
        <div className="admin-scroll" role="region" aria-labelledby="admin-backups-caption" tabIndex={0}>
          <table className="overview-table" data-testid="backup-table">
            <caption id="admin-backups-caption" className="sr-only">
              {t('admin.backups.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.backups.name')}</th>
                <th scope="col" className="num">
                  {t('admin.backups.size')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((b) => (
                <tr key={b.name}>
                  <td>{b.name}</td>
                  <td className="num">{formatSize(b.bytes, localeOf(lang))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
