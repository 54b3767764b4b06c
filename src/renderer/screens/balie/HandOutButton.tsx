import { useEffect, useRef, useState } from 'react';
import type { HandOutDone } from '../../../shared/desk/deskResults';
import { useLang } from '../../app/i18n';
import { Icon } from '../../app/icons';
import { useDesk } from '../../app/session';
import { problemText } from '../../components/problemText';
import { useDeliberatePress } from './deliberatePress';

/**
 * Pressing this button IS the identity confirmation: a separate press of Enter or Space on the
 * focused button (useDeliberatePress) — never the key that opened the card. The request id is made
 * once per card panel, so a double click or a repeated Enter sends the same id and the store
 * writes one hand-out.
 */
export function HandOutButton({
  card,
  onDone,
  onPending,
}: {
  card: string;
  onDone(done: HandOutDone): void;
  /** True while a hand-out is in flight or its failure is shown (its retry is still to come). */
  onPending?(pending: boolean): void;
}) {
  const { api, staff } = useDesk();
  const { t, lang } = useLang();
  const [requestId] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const ref = useRef<HTMLButtonElement>(null);

  useEffect(() => ref.current?.focus(), []);
  const pending = busy || failure !== null;
  useEffect(() => onPending?.(pending), [pending, onPending]);
  // Gone (another card opened) is settled: the panel's quiet re-check may run again.
  useEffect(() => () => onPending?.(false), [onPending]);

  const handOut = async () => {
    setBusy(true);
    setFailure(null);
    const result = await api.handOut({ card, staff, idChecked: true, requestId });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setFailure(problemText(result, lang));
  };
  const press = useDeliberatePress(() => {
    if (!busy) void handOut();
  });

  return (
    <div className="handout">
      <p className="handout-ask">{t('balie.handout.ask')}</p>
      <button ref={ref} type="button" className="big-button handout-button" aria-busy={busy} {...press}>
        <Icon name="ok" size={30} />
        {t('balie.handout.button')}
      </button>
      {failure && (
        <p role="alert" className="inline-problem tone-stop">
          {failure}
        </p>
      )}
    </div>
  );
}
