import { useT } from '../../app/i18n';
import { Icon } from '../../app/icons';
import { groupedCard } from '../../components/cardDisplay';
import type { LastHandOut } from './lastHandOut';

/** After a hand-out: scanning the physical card proves the right card went over the counter. */
export function ScanConfirmation({ last }: { last: LastHandOut }) {
  const t = useT();
  const c = last.confirm;
  if (c.kind === 'right') {
    return (
      <p className="scan-check tone-ok" role="status">
        <Icon name="ok" size={40} />
        {t('balie.confirm.right')}
      </p>
    );
  }
  if (c.kind === 'wrong') {
    return (
      <p className="scan-check tone-stop wrong-card" role="alert">
        <Icon name="stop" size={48} />
        {t('balie.confirm.wrong', { scanned: groupedCard(c.scanned), expected: groupedCard(last.card) })}
      </p>
    );
  }
  return (
    <p className="scan-check tone-info">
      <Icon name="scan" size={40} />
      {t('balie.confirm.ask', { card: groupedCard(last.card) })}
    </p>
  );
}
