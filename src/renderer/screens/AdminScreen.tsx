import { useState } from 'react';
import { useT } from '../app/i18n';
import { useDesk } from '../app/session';
import { AdminPanels } from './admin/AdminPanels';
import { PinPrompt } from './admin/PinPrompt';
import { SetPinForm } from './admin/SetPinForm';

/**
 * Beheer: locked behind the admin PIN. The PIN lives only in this component's state: leaving the
 * screen or pressing "Vergrendelen" forgets it.
 */
export function AdminScreen() {
  const t = useT();
  const { session } = useDesk();
  const [pin, setPin] = useState<string | null>(null);
  return (
    <div className="admin">
      <div className="screen-title-row">
        <h1>{t('app.nav.admin')}</h1>
        {pin !== null && (
          <button type="button" className="secondary-button" onClick={() => setPin(null)}>
            {t('admin.lock')}
          </button>
        )}
      </div>
      {!session.hasAdminPin ? (
        <SetPinForm />
      ) : pin === null ? (
        <PinPrompt onUnlock={setPin} />
      ) : (
        <AdminPanels pin={pin} />
      )}
    </div>
  );
}
