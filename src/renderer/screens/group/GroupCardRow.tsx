import type { Translate } from '../../app/i18n';
import { useLang } from '../../app/i18n';
import { Icon } from '../../app/icons';
import { fullName, groupedCard } from '../../components/cardDisplay';
import type { VerdictLook } from '../../components/verdictLook';
import { lookOfCheck } from '../../components/verdictLook';
import type { Lang } from '../../../shared/lang';
import type { GroupCard } from './groupTypes';

function lookOfItem(item: GroupCard, t: Translate, lang: Lang): VerdictLook | null {
  if (item.refusedBecause !== null)
    return { tone: 'stop', icon: 'stop', title: t('group.cards.refused'), detail: item.refusedBecause };
  if (!item.check) return null;
  const look = lookOfCheck(item.check, t, lang);
  return look.tone === 'ok' ? { ...look, title: t('group.cards.ok'), detail: '' } : look;
}

/** One card of the group: who, and whether it may go — with the reason when not. */
export function GroupCardRow({
  item,
  index,
  onRemove,
}: {
  item: GroupCard;
  index: number;
  onRemove(): void;
}) {
  const { t, lang } = useLang();
  const look = lookOfItem(item, t, lang);
  const name = item.check?.found ? fullName(item.check.summary) : '';
  return (
    <li
      className={`group-card tone-${look?.tone ?? 'info'}`}
      data-card={item.card}
      data-tone={look?.tone ?? 'checking'}
    >
      <span className="group-card-nr">{index + 1}.</span>
      <span className="group-card-who">
        <strong>{name || t('group.cards.unknownName')}</strong>
        <span className="mono">{groupedCard(item.card)}</span>
      </span>
      <span className="group-card-verdict">
        {look ? (
          <>
            <Icon name={look.icon} size={24} />
            <span>
              <strong>{look.title}</strong>
              {look.detail && <span className="group-card-reason"> {look.detail}</span>}
            </span>
          </>
        ) : (
          t('group.cards.checking')
        )}
      </span>
      <button
        type="button"
        className="secondary-button"
        aria-label={t('group.cards.removeLabel', { card: groupedCard(item.card) })}
        onClick={onRemove}
      >
        {t('group.cards.remove')}
      </button>
    </li>
  );
}
