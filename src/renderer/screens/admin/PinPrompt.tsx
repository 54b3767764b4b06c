import { useState } from 'react';
import { isTransportFailure } from '../../../shared/api/transportFailure';
import { useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { describeAdminFailure } from './adminFailureText';
import { Notice } from './Notice';
import { PinField } from './PinField';

/** Asks for the admin PIN; the PIN stays in the Beheer screen's memory, never in storage. */
export function PinPrompt({ onUnlock }: { onUnlock(pin: string): void }) {
  const { api } = useDesk();
  const { t, lang } = useLang();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    const result = await api.verifyAdminPin({ pin });
    setBusy(false);
    if (result.ok) onUnlock(pin);
    else {
      setError(describeAdminFailure(result, t, lang));
      // No answer says nothing about the PIN: keep it for the next try.
      if (!isTransportFailure(result)) setPin('');
    }
  };

  return (
    <section className="panel admin-pin" aria-labelledby="admin-pin-title">
      <h2 id="admin-pin-title">{t('admin.pin.lockedTitle')}</h2>
      <p>{t('admin.pin.lockedIntro')}</p>
      <form
        className="admin-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (pin && !busy) void submit();
        }}
      >
        <PinField
          id="admin-pin"
          label={t('admin.pin.label')}
          purpose="unlock"
          value={pin}
          onChange={setPin}
          autoFocus
        />
        <button type="submit" className="big-button" disabled={busy || pin === ''}>
          {t('admin.pin.unlock')}
        </button>
      </form>
      {error && <Notice tone="stop">{error}</Notice>}
    </section>
  );
}
