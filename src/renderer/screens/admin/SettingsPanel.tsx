import { useEffect, useState } from 'react';
import type { SettingsView } from '../../../shared/api/contract';
import { DESK_NAME_MAX } from '../../../shared/desk/deskName';
import { FailureNotice } from '../../app/FailureNotice';
import { formatDay, useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { describeAdminFailure } from './adminFailureText';
import { Notice } from './Notice';
import { NumberSetting } from './NumberSetting';
import { PolicyNote } from './PolicyNote';
import { changesOf, draftOf, isLocked, NUMBER_SETTINGS } from './settingsForm';
import type { SettingsDraft } from './settingsForm';

/** The point's own settings: this desk's name, last day (earlier only), staff, group size, retention. */
export function SettingsPanel({ pin }: { pin: string }) {
  const { api, session, refresh } = useDesk();
  const { t, lang } = useLang();
  const [view, setView] = useState<SettingsView | null>(null);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'stop'; text: string } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const locked = session.lockedByPolicy;

  useEffect(() => {
    let live = true;
    void api.settings({}).then((r) => {
      if (!live) return;
      if (r.ok) {
        setView(r.value);
        setDraft(draftOf(r.value));
      } else setMessage({ tone: 'stop', text: describeAdminFailure(r, t, lang) });
    });
    return () => {
      live = false;
    };
    // Loaded once when the panel opens (or on retry): a language switch must not throw away the edits.
  }, [api, attempt]);

  if (!view || !draft)
    return (
      <section className="panel" aria-labelledby="admin-settings-title">
        <h2 id="admin-settings-title">{t('admin.settings.title')}</h2>
        {message ? (
          <FailureNotice
            text={message.text}
            className=""
            onRetry={() => {
              setMessage(null);
              setAttempt((n) => n + 1);
            }}
          />
        ) : (
          <p>{t('app.loading')}</p>
        )}
      </section>
    );

  const save = async () => {
    const change = changesOf(view, draft, locked);
    if (Object.keys(change).length === 0)
      return setMessage({ tone: 'ok', text: t('admin.settings.nothing') });
    const result = await api.changeSettings({ ...change, adminPin: pin });
    if (!result.ok) return setMessage({ tone: 'stop', text: describeAdminFailure(result, t, lang) });
    setView(result.value);
    setDraft(draftOf(result.value));
    setMessage({ tone: 'ok', text: t('admin.settings.saved') });
    await refresh();
  };
  const set = (field: keyof SettingsDraft, value: string) => setDraft({ ...draft, [field]: value });

  return (
    <section className="panel" aria-labelledby="admin-settings-title">
      <h2 id="admin-settings-title">{t('admin.settings.title')}</h2>
      <p>
        {t('admin.settings.point', {
          point: view.pointId ?? '—',
          name: view.pointName ?? '—',
          desk: view.deskName ?? '—',
        })}
      </p>
      <form
        className="admin-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {view.deskName !== null && (
          <>
            <label htmlFor="admin-desk-name">{t('admin.settings.deskName')}</label>
            <input
              id="admin-desk-name"
              type="text"
              maxLength={DESK_NAME_MAX}
              value={draft.deskName}
              aria-describedby="admin-desk-name-help"
              onChange={(e) => set('deskName', e.target.value)}
            />
            <p id="admin-desk-name-help" className="admin-help">
              {t('admin.settings.deskNameHelp', { max: DESK_NAME_MAX })}
            </p>
          </>
        )}

        <label htmlFor="admin-last-day">{t('admin.settings.lastDay')}</label>
        <input
          id="admin-last-day"
          type="date"
          value={draft.lastDay}
          readOnly={isLocked('lastDay', locked)}
          aria-describedby="admin-last-day-help"
          onChange={(e) => set('lastDay', e.target.value)}
        />
        <p id="admin-last-day-help" className="admin-help">
          {t('admin.settings.lastDayHelp', {
            effective: view.effectiveLastDay ? formatDay(view.effectiveLastDay) : '—',
          })}
          <PolicyNote field="lastDay" />
        </p>

        <label htmlFor="admin-staff">{t('admin.settings.staff')}</label>
        <textarea
          id="admin-staff"
          rows={4}
          value={draft.staff}
          readOnly={isLocked('staff', locked)}
          aria-describedby="admin-staff-help"
          onChange={(e) => set('staff', e.target.value)}
        />
        <p id="admin-staff-help" className="admin-help">
          {t('admin.settings.staffHelp')}
          <PolicyNote field="staff" />
        </p>

        {NUMBER_SETTINGS.map((setting) => (
          <NumberSetting
            key={setting.field}
            id={setting.id}
            field={setting.field}
            label={t(setting.label)}
            help={t(setting.help)}
            min={setting.min}
            max={setting.max}
            value={draft[setting.field]}
            locked={isLocked(setting.field, locked)}
            onChange={(value) => set(setting.field, value)}
          />
        ))}
        <div>
          <button type="submit" className="big-button">
            {t('admin.settings.save')}
          </button>
        </div>
      </form>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </section>
  );
}
