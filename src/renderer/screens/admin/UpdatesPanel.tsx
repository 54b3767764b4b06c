import { useEffect, useState } from 'react';
import type { UpdateStatusView } from '../../../shared/api/apiTypes';
import { FailureNotice } from '../../app/FailureNotice';
import { useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { describeAdminFailure } from './adminFailureText';
import { Notice } from './Notice';

/** Version and automatic updates, as the IT admin's policy set them: status and last error. */
export function UpdatesPanel() {
  const { api } = useDesk();
  const { t, lang } = useLang();
  const [status, setStatus] = useState<UpdateStatusView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void api.updateStatus({}).then((result) => {
      if (result.ok) {
        setStatus(result.value);
        setFailure(null);
      } else setFailure(describeAdminFailure(result, t, lang));
    });
    // Asked when the panel opens and on retry, not on a language switch.
  }, [api, attempt]);

  if (!status)
    return failure ? (
      <section className="panel" aria-labelledby="admin-updates-title">
        <h2 id="admin-updates-title">{t('admin.updates.title')}</h2>
        <FailureNotice text={failure} className="" onRetry={() => setAttempt((n) => n + 1)} />
      </section>
    ) : null;
  return (
    <section className="panel" aria-labelledby="admin-updates-title">
      <h2 id="admin-updates-title">{t('admin.updates.title')}</h2>
      <dl className="admin-facts">
        <dt>{t('admin.updates.version')}</dt>
        <dd data-testid="app-version">{status.currentVersion}</dd>
        <dt>{t('admin.updates.state')}</dt>
        <dd>
          {status.enabled
            ? t('admin.updates.phase', { phase: status.phase, channel: status.channel })
            : t('admin.updates.disabled')}
        </dd>
        {status.lastCheckAt && (
          <>
            <dt>{t('admin.updates.lastCheck')}</dt>
            <dd>{status.lastCheckAt}</dd>
          </>
        )}
        {status.availableVersion && (
          <>
            <dt>{t('admin.updates.available')}</dt>
            <dd>{status.availableVersion}</dd>
          </>
        )}
      </dl>
      {status.lastError && (
        <Notice tone="stop">
          {t('admin.updates.error', {
            during: status.lastError.during,
            message: status.lastError.message,
            at: status.lastError.at,
          })}
        </Notice>
      )}
    </section>
  );
}
