import { useState } from 'react';
import { useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { describeAdminFailure } from './adminFailureText';
import { Notice } from './Notice';
import { PinField } from './PinField';

/**
 * Beheer → Balies on a desk that is not the host: leave the point and wipe this PC's copy. The
 * admin PIN is typed again, as for every action that cannot be undone; when the host does not
 * answer, a second button wipes anyway (the admin then revokes the desk on the host).
 */
export function UnpairSection({ hostName }: { hostName: string }) {
  const { api, onDeskWiped } = useDesk();
  const { t, lang } = useLang();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [hostAway, setHostAway] = useState(false);

  const unpair = async (force: boolean) => {
    setBusy(true);
    setError(null);
    const result = await api.unpairThisDesk({ force, adminPin: pin });
    setBusy(false);
    if (result.ok) {
      const { host, hostName: name, removed } = result.value;
      onDeskWiped(
        t(host === 'not_told' ? 'point.unpairedForced' : 'point.unpaired', { host: name, count: removed }),
      );
      return;
    }
    setHostAway(result.error === 'host_unreachable');
    setError(describeAdminFailure(result, t, lang));
  };

  return (
    <section className="panel admin-stack" aria-labelledby="admin-unpair-title">
      <h3 id="admin-unpair-title">{t('point.unpair.title')}</h3>
      <p id="admin-unpair-intro">{t('point.unpair.intro', { host: hostName })}</p>
      <PinField
        id="admin-unpair-pin"
        label={t('point.unpair.pin')}
        value={pin}
        onChange={setPin}
        purpose="unlock"
        describedBy="admin-unpair-intro"
      />
      <button
        type="button"
        className="secondary-button"
        disabled={busy || pin === ''}
        onClick={() => void unpair(false)}
      >
        {t('point.unpair.button')}
      </button>
      {error && <Notice tone="stop">{error}</Notice>}
      {hostAway && (
        <button
          type="button"
          className="secondary-button"
          disabled={busy || pin === ''}
          onClick={() => void unpair(true)}
        >
          {t('point.unpair.force')}
        </button>
      )}
    </section>
  );
}
