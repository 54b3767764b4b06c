import { useT } from '../../app/i18n';
import { Icon } from '../../app/icons';

/** Step 3: the collector's ID, then one confirmation for all cards — or the reasons it cannot yet. */
export function GroupConfirm({
  count,
  blockers,
  idChecked,
  busy,
  failure,
  onIdChecked,
  onConfirm,
}: {
  count: number;
  blockers: string[];
  idChecked: boolean;
  busy: boolean;
  failure: string | null;
  onIdChecked(checked: boolean): void;
  onConfirm(): void;
}) {
  const t = useT();
  const blocked = blockers.length > 0 || !idChecked;
  return (
    <section className="group-step group-confirm" aria-labelledby="confirm-title">
      <h2 id="confirm-title">{t('group.confirm.title')}</h2>
      <label className="id-check">
        <input type="checkbox" checked={idChecked} onChange={(e) => onIdChecked(e.target.checked)} />
        {t('group.confirm.idChecked')}
      </label>
      {blockers.length > 0 && (
        <ul className="blockers" aria-label={t('group.confirm.blockedLabel')}>
          {blockers.map((b) => (
            <li key={b}>
              <Icon name="warning" size={20} />
              {b}
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="big-button"
        disabled={blocked || busy}
        aria-busy={busy}
        onClick={onConfirm}
      >
        <Icon name="ok" size={28} />
        {t('group.confirm.button', { count })}
      </button>
      {failure && (
        <p role="alert" className="inline-problem tone-stop">
          {failure}
        </p>
      )}
    </section>
  );
}
