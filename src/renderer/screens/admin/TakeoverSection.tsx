import { useState } from 'react';
import { useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { describeAdminFailure } from './adminFailureText';
import { Notice } from './Notice';
import { PinField } from './PinField';

/**
 * Beheer → Balies on a desk whose host PC is dead: take over the host role with a new key (the
 * same use case as `balie desk takeover`). A strong warning, the admin PIN typed again; the new
 * key's fingerprint is shown afterwards, for the enrolment with the issuer.
 */
export function TakeoverSection({ hostName, onDone }: { hostName: string; onDone(text: string): void }) {
  const { api } = useDesk();
  const { t, lang } = useLang();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const takeOver = async () => {
    setBusy(true);
    setError(null);
    const result = await api.takeOverHost({ adminPin: pin });
    setBusy(false);
    if (result.ok)
      onDone(
        `${t('point.tookOver', result.value)} ${t('point.takeover.fingerprint', { keyId: result.value.keyId })}`,
      );
    else setError(describeAdminFailure(result, t, lang));
  };

  return (
    <section className="panel admin-stack" aria-labelledby="admin-takeover-title">
      <h3 id="admin-takeover-title">{t('point.takeover.title')}</h3>
      <Notice tone="warning" live="none">
        <p id="admin-takeover-intro">{t('point.takeover.intro', { host: hostName })}</p>
      </Notice>
      <PinField
        id="admin-takeover-pin"
        label={t('point.takeover.pin')}
        value={pin}
        onChange={setPin}
        purpose="unlock"
        describedBy="admin-takeover-intro"
      />
      <button
        type="button"
        className="secondary-button"
        disabled={busy || pin === ''}
        onClick={() => void takeOver()}
      >
        {t('point.takeover.button')}
      </button>
      {error && <Notice tone="stop">{error}</Notice>}
    </section>
  );
}
