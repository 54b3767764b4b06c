import { useCallback, useEffect, useState } from 'react';
import type { AuditView } from '../../../shared/api/apiTypes';
import type { PlainTextKey } from '../../../shared/i18n/texts';
import { useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { formatInstant } from '../overview/formatNumbers';
import { describeAdminFailure } from './adminFailureText';
import { ChainVerdict } from './ChainVerdict';
import { compactDetails } from './compactDetails';
import { Notice } from './Notice';

/** The audit actions with a name in the catalogue; any other shows as its code. */
const ACTION_TEXT: Readonly<Record<string, PlainTextKey>> = {
  init: 'admin.audit.action.init',
  import: 'admin.audit.action.import',
  import_unsigned_override: 'admin.audit.action.import_unsigned_override',
  handout: 'admin.audit.action.handout',
  group: 'admin.audit.action.group',
  void: 'admin.audit.action.void',
  leftovers_returned: 'admin.audit.action.leftovers_returned',
  settings: 'admin.audit.action.settings',
  purge: 'admin.audit.action.purge',
  backup: 'admin.audit.action.backup',
  restore: 'admin.audit.action.restore',
  report: 'admin.audit.action.report',
  key_created: 'admin.audit.action.key_created',
  key_rotated: 'admin.audit.action.key_rotated',
  admin_pin_set: 'admin.audit.action.admin_pin_set',
  admin_pin_failed: 'admin.audit.action.admin_pin_failed',
  epoch_started: 'admin.audit.action.epoch_started',
  new_year: 'admin.audit.action.new_year',
};

/** The append-only audit log, newest first, with the verdict on its hash chain. */
export function AuditPanel({ pin }: { pin: string }) {
  const { api } = useDesk();
  const { t, lang } = useLang();
  const actionText = (action: string): string => {
    const key = ACTION_TEXT[action];
    return key === undefined ? action : t(key);
  };
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
          <div className="admin-scroll" role="region" aria-labelledby="admin-audit-caption" tabIndex={0}>
            <table className="overview-table" data-testid="audit-table">
              <caption id="admin-audit-caption" className="sr-only">
                {t('admin.audit.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('admin.audit.seq')}
                  </th>
                  <th scope="col">{t('admin.audit.at')}</th>
                  <th scope="col">{t('admin.audit.action')}</th>
                  <th scope="col">{t('admin.audit.desk')}</th>
                  <th scope="col">{t('admin.audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {audit.entries.map((e) => (
                  <tr key={e.seq}>
                    <td className="num">{e.seq}</td>
                    <td className="nowrap">{formatInstant(e.at)}</td>
                    <td>{actionText(e.action)}</td>
                    <td>{e.deskId === null ? '—' : (e.deskName ?? t('desk.otherDesk'))}</td>
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
