import { useState } from 'react';
import { useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { describeAdminFailure } from './adminFailureText';
import { Notice } from './Notice';
import { PinField } from './PinField';

/** First use: no admin PIN yet, so Beheer asks to set one (6–12 digits, not trivial). */
export function SetPinForm() {
  const { api, refresh } = useDesk();
  const { t, lang } = useLang();
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (pin !== again) {
      setError(t('admin.pin.error.mismatch'));
      return;
    }
    const result = await api.setAdminPin({ newPin: pin, currentPin: null });
    if (!result.ok) {
      setError(describeAdminFailure(result, t, lang));
      return;
    }
    setError(null);
    await refresh();
  };

  return (
    <section className="panel admin-pin" aria-labelledby="admin-setpin-title">
      <h2 id="admin-setpin-title">{t('admin.pin.setTitle')}</h2>
      <p>{t('admin.pin.setIntro')}</p>
      <ul id="admin-pin-rules">
        <li>{t('admin.pin.rule.length')}</li>
        <li>{t('admin.pin.rule.simple')}</li>
        <li>{t('admin.pin.rule.secret')}</li>
      </ul>
      <form
        className="admin-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <PinField
          id="admin-new-pin"
          label={t('admin.pin.new')}
          purpose="new"
          describedBy="admin-pin-rules"
          value={pin}
          onChange={setPin}
        />
        <PinField
          id="admin-new-pin-again"
          label={t('admin.pin.again')}
          purpose="new"
          value={again}
          onChange={setAgain}
        />
        <div>
          <button type="submit" className="big-button" disabled={pin === '' || again === ''}>
            {t('admin.pin.set')}
          </button>
        </div>
      </form>
      {error && <Notice tone="stop">{error}</Notice>}
    </section>
  );
}
