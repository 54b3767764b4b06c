import type { PlainTextKey } from '../../shared/i18n/texts';
import type { CardStatus } from '../../shared/cards/cardStatus';
import { Icon } from './icons';
import type { IconName } from './icons';
import { useT } from './i18n';

const LOOK: Record<CardStatus, { tone: string; icon: IconName; key: PlainTextKey }> = {
  waiting: { tone: 'tone-ok', icon: 'ok', key: 'status.waiting' },
  collected: { tone: 'tone-warning', icon: 'clock', key: 'status.collected' },
  revoked: { tone: 'tone-stop', icon: 'stop', key: 'status.revoked' },
  replaced: { tone: 'tone-stop', icon: 'replaced', key: 'status.replaced' },
  returned: { tone: 'tone-info', icon: 'info', key: 'status.returned' },
};

/** A card's status in a result list: colour, icon and word together. */
export function StatusBadge({ status }: { status: CardStatus }) {
  const t = useT();
  const look = LOOK[status];
  return (
    <span className={`badge ${look.tone}`} data-status={status}>
      <Icon name={look.icon} size={18} />
      {t(look.key)}
    </span>
  );
}
