import type { AuditView } from '../../../shared/api/apiTypes';
import { useT } from '../../app/i18n';
import { Notice } from './Notice';

/** Whether the audit log's hash chain is intact, in colour, icon and words. */
export function ChainVerdict({ verdict }: { verdict: AuditView['verdict'] }) {
  const t = useT();
  if (verdict.ok)
    return (
      <Notice tone="ok" testId="audit-verdict">
        <strong>{t('admin.audit.chainOk')}</strong> {t('admin.audit.chainOkDetail', { n: verdict.entries })}
      </Notice>
    );
  return (
    <Notice tone="stop" testId="audit-verdict">
      <strong>{t('admin.audit.chainBroken', { seq: verdict.atSeq })}</strong>{' '}
      {t(`admin.audit.reason.${verdict.reason}`)}
    </Notice>
  );
}
