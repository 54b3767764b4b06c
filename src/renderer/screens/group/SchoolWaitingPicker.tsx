import { useEffect, useState } from 'react';
import type { CardSummary } from '../../../shared/cards/cardStatus';
import { FailureNotice } from '../../app/FailureNotice';
import { useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { fullName, groupedCard } from '../../components/cardDisplay';
import { problemText } from '../../components/problemText';

/** Tick colleagues from the cards still waiting for one school (the collector's, if known). */
export function SchoolWaitingPicker({
  suggestedSchool,
  inGroup,
  onTick,
}: {
  suggestedSchool: string | null;
  inGroup: Set<string>;
  onTick(card: string, ticked: boolean): void;
}) {
  const { api } = useDesk();
  const { t, lang } = useLang();
  const [school, setSchool] = useState(suggestedSchool ?? '');
  const [waiting, setWaiting] = useState<{ school: string; cards: CardSummary[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (suggestedSchool) setSchool(suggestedSchool);
  }, [suggestedSchool]);

  const load = async () => {
    const number = school.trim();
    if (!/^\d{1,12}$/.test(number)) return;
    setFailure(null);
    const result = await api.schoolWaiting({ school: number });
    if (!result.ok) {
      setWaiting(null);
      setFailure(problemText(result, lang));
      return;
    }
    setWaiting({ school: number, cards: result.value });
  };

  return (
    <details className="school-picker">
      <summary>{t('group.school.title')}</summary>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <label htmlFor="school-number">{t('group.school.label')}</label>
        <input
          id="school-number"
          inputMode="numeric"
          autoComplete="off"
          size={10}
          value={school}
          onChange={(e) => setSchool(e.target.value.replace(/\D/g, ''))}
        />
        <button type="submit" className="secondary-button">
          {t('group.school.show')}
        </button>
      </form>
      {failure && <FailureNotice text={failure} onRetry={() => void load()} className="" />}
      {waiting && waiting.cards.length === 0 && (
        <p role="status">{t('group.school.none', { school: waiting.school })}</p>
      )}
      {waiting && waiting.cards.length > 0 && (
        <fieldset className="school-list">
          <legend>{t('group.school.legend', { school: waiting.school, count: waiting.cards.length })}</legend>
          {waiting.cards.map((c) => (
            <label key={c.card} className="school-row">
              <input
                type="checkbox"
                checked={inGroup.has(c.card)}
                onChange={(e) => onTick(c.card, e.target.checked)}
              />
              <span>{fullName(c)}</span>
              <span className="mono">{groupedCard(c.card)}</span>
            </label>
          ))}
        </fieldset>
      )}
    </details>
  );
}
