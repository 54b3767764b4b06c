import { useT } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { isLocked } from './settingsForm';
import type { SettingField } from './settingsForm';

/** " Ingesteld door IT-beheer." after a setting the machine policy fixes; nothing otherwise. */
export function PolicyNote({ field }: { field: SettingField }) {
  const t = useT();
  const { session } = useDesk();
  if (!isLocked(field, session.lockedByPolicy)) return null;
  return <strong className="policy-note"> {t('admin.settings.byPolicy')}</strong>;
}
