import { useState } from 'react';
import type { ApiClient } from '../../../shared/api/contract';
import { describeAdminFailure } from './adminFailureText';
import { Notice } from './Notice';
import { useLang } from '../../app/i18n';

/**
 * All the window shows once this desk unpaired and its copy is wiped: the store is closed, so
 * there is nothing left to do here but close the app (Electron quits; start:web's server stops).
 */
export function DeskWiped({ api, text }: { api: ApiClient; text: string }) {
  const { t, lang } = useLang();
  const [closed, setClosed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const quit = async () => {
    setError(null);
    const result = await api.quitAfterUnpair({});
    if (result.ok) setClosed(true);
    else setError(describeAdminFailure(result, t, lang));
  };
  return (
    <main className="panel" id="main" data-testid="desk-wiped">
      <h1>{t('point.unpair.doneTitle')}</h1>
      <p>{text}</p>
      <p>{t('point.unpair.closeApp')}</p>
      {closed ? (
        <Notice tone="ok">{t('point.quit.done')}</Notice>
      ) : (
        <button type="button" className="big-button" onClick={() => void quit()}>
          {t('point.quit.button')}
        </button>
      )}
      {error && <Notice tone="stop">{error}</Notice>}
    </main>
  );
}
