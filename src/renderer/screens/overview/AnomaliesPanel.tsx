import { useCallback, useEffect, useState } from 'react';
import type { AnomalyView } from '../../../shared/api/apiTypes';
import { useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { Icon } from '../../app/icons';

const shortTime = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/**
 * Double hand-outs found after desks that could not reach each other synced: what happened and
 * what to do, with a note to mark one as dealt with. Resolved ones stay listed.
 */
export function AnomaliesPanel() {
  const { t } = useLang();
  const { api, staff } = useDesk();
  const [list, setList] = useState<AnomalyView[]>([]);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(() => {
    void api.anomalies({}).then((answer) => {
      if (answer.ok) setList(answer.value);
    });
  }, [api]);
  useEffect(load, [load]);
  if (list.length === 0) return null;
  const open = list.filter((a) => !a.resolved).length;
  const resolve = async (card: string) => {
    const answer = await api.resolveAnomaly({ card, note: notes[card] ?? '', staff });
    if (answer.ok) {
      setProblem(null);
      load();
    } else
      setProblem(
        answer.error === 'note_required'
          ? t('point.refused.noteRequired')
          : t('point.refused.anomalyNotFound', { card }),
      );
  };
  return (
    <section className="panel anomalies" aria-labelledby="anomalies-title">
      <h2 id="anomalies-title">
        {open > 0 ? (
          <>
            <Icon name="stop" size={22} /> {t('point.anomalies', { count: open })}
          </>
        ) : (
          <>
            <Icon name="ok" size={22} /> {t('point.anomalies.allResolved', { count: list.length })}
          </>
        )}
      </h2>
      <p>{t('point.anomaly.todo')}</p>
      {problem && (
        <p className="notice tone-stop" role="alert">
          {problem}
        </p>
      )}
      <ul className="anomaly-list">
        {list.map((a) => (
          <li key={a.other.eventId} data-anomaly={a.card} data-resolved={a.resolved ? 'yes' : 'no'}>
            <p>
              {t('point.anomaly.what', {
                card: a.card,
                keptDesk: a.kept.desk ?? t('desk.otherDesk'),
                keptStaff: a.kept.staff,
                keptAt: shortTime(a.kept.at),
                otherDesk: a.other.desk ?? t('desk.otherDesk'),
                otherStaff: a.other.staff,
                otherAt: shortTime(a.other.at),
              })}
            </p>
            {a.resolved ? (
              <p className="badge tone-ok">
                <Icon name="ok" size={18} />
                {t('point.anomaly.resolved', {
                  staff: a.resolved.staff,
                  at: shortTime(a.resolved.at),
                  note: a.resolved.note,
                })}
              </p>
            ) : (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void resolve(a.card);
                }}
              >
                <label>
                  {t('point.anomaly.note')}
                  <input
                    type="text"
                    maxLength={500}
                    value={notes[a.card] ?? ''}
                    onChange={(e) => setNotes({ ...notes, [a.card]: e.target.value })}
                  />
                </label>
                <button type="submit" className="secondary-button">
                  {t('point.anomaly.resolve')}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
