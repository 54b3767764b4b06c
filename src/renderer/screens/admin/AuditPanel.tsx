import { useCallback, useEffect, useState } from 'react';
import type { AuditView } from '../../../shared/api/apiTypes';
import { useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { formatInstant } from '../overview/formatNumbers';
import { describeAdminFailure } from './adminFailureText';
import { ChainVerdict } from './ChainVerdict';
import { compactDetails } from './compactDetails';
import { Notice } from './Notice';

const KNOWN_ACTIONS = new Set([
  'init',
  'import',
  'import_unsigned_override',
  'handout',
  'group',
  'void',
  'leftovers_returned',
  'settings',
  'purge',
  'backup',
  'restore',
  'report',
  'key_created',
  'key_rotated',
  'admin_pin_set',
  'admin_pin_failed',
]);

/** The append-only audit log, newest first, with the verdict on its hash chain. */
export function AuditPanel({ pin }: { pin: string }) {
  const { api } = useDesk();
  const { t, lang } = useLang();
  const [audit, setAudit] = useState<AuditView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await api.auditLog({ adminPin: pin, limit: 200 });
    if (result.ok) {
      setAudit(result.value);
      setError(null);
    } else setError(describeAdminFailure(result, t, lang));
  }, [api, pin, t, lang]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="panel" aria-labelledby="admin-audit-title">
      <div className="screen-title-row">
        <h2 id="admin-audit-title">{t('admin.audit.title')}</h2>
        <button type="button" className="secondary-button" onClick={() => void load()}>
          {t('overview.reload')}
        </button>
      </div>
      {error && <Notice tone="stop">{error}</Notice>}
      {audit && (
        <>
          <ChainVerdict verdict={audit.verdict} />
          <div className="admin-scroll" role="region" aria-labelledby="admin-audit-title" tabIndex={0}>
            <table className="overview-table" data-testid="audit-table">
              <caption className="sr-only">{t('admin.audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('admin.audit.seq')}
                  </th>
                  <th scope="col">{t('admin.audit.at')}</th>
                  <th scope="col">{t('admin.audit.action')}</th>
                  <th scope="col">{t('admin.audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {audit.entries.map((e) => (
                  <tr key={e.seq}>
                    <td className="num">{e.seq}</td>
                    <td className="nowrap">{formatInstant(e.at)}</td>
                    <td>{KNOWN_ACTIONS.has(e.action) ? t(`admin.audit.action.${e.action}`) : e.action}</td>
                    <td className="audit-details">{compactDetails(e.details)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
