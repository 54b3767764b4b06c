import { useState } from 'react';
import { useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { describeAdminFailure } from './adminFailureText';
import { Notice } from './Notice';
import { PinField } from './PinField';

/**
 * Beheer → Balies on a store that holds nothing yet: pair with an existing host with the address
 * and code the host's Beheer shows (the same use case as `balie desk join`). The shell replaces
 * the empty store by the point's copy; a refusal changes nothing.
 */
export function JoinSection({ onJoined }: { onJoined(text: string): void }) {
  const { api } = useDesk();
  const { t, lang } = useLang();
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [deskName, setDeskName] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const join = async () => {
    setBusy(true);
    setError(null);
    const result = await api.joinThisDesk({
      url: url.trim(),
      code: code.trim(),
      deskName: deskName.trim(),
      adminPin: pin,
    });
    setBusy(false);
    if (result.ok) onJoined(t('point.join.done', result.value));
    else setError(describeAdminFailure(result, t, lang));
  };

  return (
    <section className="panel admin-stack" aria-labelledby="admin-join-title">
      <h3 id="admin-join-title">{t('point.join.title')}</h3>
      <p id="admin-join-intro">{t('point.join.intro')}</p>
      <label htmlFor="admin-join-url">{t('point.join.url')}</label>
      <input
        id="admin-join-url"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        maxLength={300}
        value={url}
        onChange={(e) => setUrl(e.target.value)}
      />
      <label htmlFor="admin-join-code">{t('point.join.code')}</label>
      <input
        id="admin-join-code"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        maxLength={20}
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <label htmlFor="admin-join-name">{t('point.join.name')}</label>
      <input
        id="admin-join-name"
        type="text"
        autoComplete="off"
        maxLength={40}
        value={deskName}
        onChange={(e) => setDeskName(e.target.value)}
      />
      <PinField
        id="admin-join-pin"
        label={t('point.join.pin')}
        value={pin}
        onChange={setPin}
        purpose="unlock"
        describedBy="admin-join-intro"
      />
      <button
        type="button"
        className="secondary-button"
        disabled={busy || pin === '' || url.trim() === '' || code.trim() === '' || deskName.trim() === ''}
        onClick={() => void join()}
      >
        {t('point.join.button')}
      </button>
      {busy && <p role="status">{t('point.join.busy')}</p>}
      {error && <Notice tone="stop">{error}</Notice>}
    </section>
  );
}
