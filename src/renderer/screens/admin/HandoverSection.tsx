import { useState } from 'react';
import { useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { describeAdminFailure } from './adminFailureText';
import { Notice } from './Notice';
import { PinField } from './PinField';

/**
 * Beheer → Balies on the host: a planned handover to one of the paired desks (the same use case
 * as `balie desk handover`). The key and the reports move; the admin PIN is typed again.
 */
export function HandoverSection({ desks, onDone }: { desks: string[]; onDone(text: string): void }) {
  const { api } = useDesk();
  const { t, lang } = useLang();
  const [to, setTo] = useState(desks[0] ?? '');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = desks.includes(to) ? to : (desks[0] ?? '');

  const handOver = async () => {
    setBusy(true);
    setError(null);
    const result = await api.handOverHost({ to: chosen, adminPin: pin });
    setBusy(false);
    if (result.ok) onDone(t('point.handedOver', { name: result.value.to, keyId: result.value.keyId }));
    else setError(describeAdminFailure(result, t, lang));
  };

  return (
    <section className="panel admin-stack" aria-labelledby="admin-handover-title">
      <h3 id="admin-handover-title">{t('point.handover.title')}</h3>
      <p id="admin-handover-intro">{t('point.handover.intro')}</p>
      <label htmlFor="admin-handover-to">{t('point.handover.to')}</label>
      <select id="admin-handover-to" value={chosen} onChange={(e) => setTo(e.target.value)}>
        {desks.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <PinField
        id="admin-handover-pin"
        label={t('point.handover.pin')}
        value={pin}
        onChange={setPin}
        purpose="unlock"
        describedBy="admin-handover-intro"
      />
      <button
        type="button"
        className="secondary-button"
        disabled={busy || pin === '' || chosen === ''}
        onClick={() => void handOver()}
      >
        {t('point.handover.button', { name: chosen })}
      </button>
      {error && <Notice tone="stop">{error}</Notice>}
    </section>
  );
}
