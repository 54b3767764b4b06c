import type { RefObject } from 'react';
import { useT } from '../../app/i18n';
import { CardSearch } from '../../components/CardSearch';
import type { CardSearchState } from '../../components/useCardSearch';
import { GroupCardRow } from './GroupCardRow';
import type { GroupCard } from './groupTypes';
import { SchoolWaitingPicker } from './SchoolWaitingPicker';

/** Step 2: the colleagues' cards — scanned, searched or ticked from a school's waiting list. */
export function GroupCardsSection({
  cards,
  max,
  search,
  inputRef,
  note,
  suggestedSchool,
  onAdd,
  onRemove,
}: {
  cards: GroupCard[];
  max: number;
  search: CardSearchState;
  inputRef: RefObject<HTMLInputElement | null>;
  note: string | null;
  suggestedSchool: string | null;
  onAdd(card: string): void;
  onRemove(card: string): void;
}) {
  const t = useT();
  const inGroup = new Set(cards.map((c) => c.card));
  return (
    <section className="group-step" aria-labelledby="cards-title">
      <div className="step-head">
        <h2 id="cards-title">{t('group.cards.title')}</h2>
        <p
          className={cards.length > max ? 'group-count tone-stop' : 'group-count'}
          aria-live="polite"
          data-testid="group-count"
        >
          {t('group.cards.count', { count: cards.length, max })}
        </p>
      </div>
      <CardSearch
        id="group-card-search"
        label={t('group.cards.searchLabel')}
        hint={t('group.cards.searchHint')}
        search={search}
        inputRef={inputRef}
        onCard={(card) => onAdd(card)}
      />
      {note && (
        <p role="status" className="inline-problem">
          {note}
        </p>
      )}
      <SchoolWaitingPicker
        suggestedSchool={suggestedSchool}
        inGroup={inGroup}
        onTick={(card, ticked) => (ticked ? onAdd(card) : onRemove(card))}
      />
      {cards.length > 0 && (
        <ol className="group-cards" aria-label={t('group.cards.listLabel')}>
          {cards.map((item, i) => (
            <GroupCardRow key={item.card} item={item} index={i} onRemove={() => onRemove(item.card)} />
          ))}
        </ol>
      )}
    </section>
  );
}
