import type { PlainTextKey } from '../shared/i18n/texts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SessionInfo } from '../shared/api/apiTypes';
import type { ApiClient, ApiFailure } from '../shared/api/contract';
import type { Lang } from '../shared/lang';
import { AdminScreen } from './screens/AdminScreen';
import { BalieScreen } from './screens/BalieScreen';
import { GroupScreen } from './screens/GroupScreen';
import { OverviewScreen } from './screens/OverviewScreen';
import { FailureNotice } from './app/FailureNotice';
import { LangContext, translator } from './app/i18n';
import { SessionContext } from './app/session';
import type { DeskSession } from './app/session';
import type { OnProgress } from './app/progressFeed';
import { ShiftStart } from './app/ShiftStart';
import { problemText } from './components/problemText';
import { PointStatus } from './app/PointStatus';
import { DeskWiped } from './screens/admin/DeskWiped';
import { PointChangesContext } from './app/pointChanges';

export type ScreenId = 'balie' | 'group' | 'overview' | 'admin';
const SCREENS: { id: ScreenId; key: PlainTextKey; shortcut: string }[] = [
  { id: 'balie', key: 'app.nav.balie', shortcut: '1' },
  { id: 'group', key: 'app.nav.group', shortcut: '2' },
  { id: 'overview', key: 'app.nav.overview', shortcut: '3' },
  { id: 'admin', key: 'app.nav.admin', shortcut: '4' },
];

const SESSION_RETRY_MS = 5_000;

export function App({ api, onProgress }: { api: ApiClient; onProgress: OnProgress }) {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem('balie-lang') === 'en' ? 'en' : 'nl'));
  const t = useMemo(() => translator(lang), [lang]);
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [failure, setFailure] = useState<ApiFailure<'session'> | null>(null);
  const [staff, setStaff] = useState<string | null>(() => sessionStorage.getItem('balie-staff'));
  const [screen, setScreen] = useState<ScreenId>('balie');
  const [changes, setChanges] = useState(0);
  const [wiped, setWiped] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await api.session({});
    if (result.ok) {
      setSession(result.value);
      setFailure(null);
    } else setFailure(result);
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Before the first session the desk cannot do anything: keep trying on its own as well.
  const waitingForFirstSession = failure !== null && session === null;
  useEffect(() => {
    if (!waitingForFirstSession) return;
    const timer = window.setInterval(() => void refresh(), SESSION_RETRY_MS);
    return () => window.clearInterval(timer);
  }, [waitingForFirstSession, refresh]);

  useEffect(() => {
    document.documentElement.lang = lang === 'nl' ? 'nl-BE' : 'en';
    document.title = t('app.title');
    localStorage.setItem('balie-lang', lang);
  }, [lang, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const target = SCREENS.find((s) => e.code === `Digit${s.shortcut}`);
      if (target) {
        e.preventDefault();
        setScreen(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const langValue = useMemo(() => ({ lang, t, setLang }), [lang, t]);
  const startShift = (name: string) => {
    sessionStorage.setItem('balie-staff', name);
    setStaff(name);
  };

  let body;
  if (wiped !== null) body = <DeskWiped api={api} text={wiped} />;
  else if (failure) body = <FailureNotice text={problemText(failure, lang)} onRetry={() => void refresh()} />;
  else if (!session) body = <p className="loading">{t('app.loading')}</p>;
  else if (!session.point)
    body = (
      <main className="panel">
        <h1>{t('app.notInitialized.title')}</h1>
        <p>{t('app.notInitialized.body')}</p>
      </main>
    );
  else if (!staff) body = <ShiftStart staffList={session.staff} onStart={startShift} />;

  const desk: DeskSession | null =
    session && staff && wiped === null
      ? { api, session, staff, refresh, onProgress, onDeskWiped: setWiped }
      : null;

  return (
    <LangContext.Provider value={langValue}>
      {session?.demoMode && (
        <div className="demo-banner" role="note">
          {session.demoAdminPin ? t('app.demo', { pin: session.demoAdminPin }) : t('app.demoShort')}
        </div>
      )}
      <header className="app-header">
        <div className="app-name">
          <strong>{t('app.title')}</strong>
          {session?.point && (
            <span className="point-name">
              {session.point.pointName}
              {session.point.deskName !== null && ` · ${session.point.deskName}`}
            </span>
          )}
        </div>
        {desk && (
          <nav aria-label={t('app.nav.label')} className="app-nav">
            {SCREENS.map((s) => (
              <button
                key={s.id}
                type="button"
                className={screen === s.id ? 'nav-tab active' : 'nav-tab'}
                aria-current={screen === s.id ? 'page' : undefined}
                aria-keyshortcuts={`Alt+${s.shortcut}`}
                onClick={() => setScreen(s.id)}
              >
                {t(s.key)}
              </button>
            ))}
          </nav>
        )}
        {session?.point && wiped === null && <PointStatus api={api} onChanges={setChanges} />}
        <div className="app-tools">
          {staff && (
            <>
              <span className="staff-name">{t('app.staff', { name: staff })}</span>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  sessionStorage.removeItem('balie-staff');
                  setStaff(null);
                }}
              >
                {t('app.changeShift')}
              </button>
            </>
          )}
          <button
            type="button"
            className="link-button"
            lang={lang === 'nl' ? 'en' : 'nl-BE'}
            title={t('app.languageLabel')}
            onClick={() => setLang(lang === 'nl' ? 'en' : 'nl')}
          >
            {t('app.language')}
          </button>
        </div>
      </header>
      {body}
      {desk && (
        <SessionContext.Provider value={desk}>
          <PointChangesContext.Provider value={changes}>
            <main className="screen" id="main">
              {screen === 'balie' && <BalieScreen />}
              {screen === 'group' && <GroupScreen />}
              {screen === 'overview' && <OverviewScreen />}
              {screen === 'admin' && <AdminScreen />}
            </main>
          </PointChangesContext.Provider>
        </SessionContext.Provider>
      )}
    </LangContext.Provider>
  );
}
