import { useState } from 'react';
import { useLang } from '../../app/i18n';
import { Icon } from '../../app/icons';
import { useDesk } from '../../app/session';
import { groupedCard } from '../../components/cardDisplay';
import { problemText } from '../../components/problemText';
import { useNow } from '../../components/useNow';
import type { LastHandOut } from './lastHandOut';
import { UNDO_REASON, UNDO_WINDOW_MS } from './lastHandOut';

function minutesSeconds(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** One click undoes the last hand-out for two minutes, whatever the desk shows meanwhile. */
export function UndoBar({ last, onUndone }: { last: LastHandOut; onUndone(): void }) {
  const { api, staff } = useDesk();
  const { t, lang } = useLang();
  const now = useNow(true);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const left = last.handedAtMs + UNDO_WINDOW_MS - now;
  if (left <= 0) return null;

  const undo = async () => {
    setBusy(true);
    setFailure(null);
    const result = await api.voidHandOut({ card: last.card, staff, reason: UNDO_REASON });
    setBusy(false);
    if (result.ok) onUndone();
    else setFailure(problemText(result, lang));
  };

  return (
    <aside className="undo-bar" aria-label={t('balie.undo.label')}>
      <span>{t('balie.undo.last', { name: last.name, card: groupedCard(last.card) })}</span>
      <button
        type="button"
        className="secondary-button"
        aria-busy={busy}
        onClick={() => {
          if (!busy) void undo();
        }}
      >
        <Icon name="undo" size={22} />
        {t('balie.undo.button')} <span className="countdown">({minutesSeconds(left)})</span>
      </button>
      {failure && (
        <p role="alert" className="inline-problem tone-stop">
          {failure}
        </p>
      )}
    </aside>
  );
}
