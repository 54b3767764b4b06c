import type { RefObject } from 'react';
import { useT } from '../../app/i18n';
import { CardSearch } from '../../components/CardSearch';
import { fullName, groupedCard, maskedStamboeknummer } from '../../components/cardDisplay';
import type { CardSearchState } from '../../components/useCardSearch';
import type { Collector } from './groupTypes';
import { PersonCollectorForm } from './PersonCollectorForm';

interface CollectorSectionProps {
  collector: Collector | null;
  personMode: boolean;
  problem: string | null;
  search: CardSearchState;
  inputRef: RefObject<HTMLInputElement | null>;
  onCard(card: string): void;
  onPersonMode(on: boolean): void;
  onChoose(collector: Collector): void;
  onChange(): void;
}

/** Step 1: who collects. A teacher with a card here (scan or search), or a person with an ID. */
export function CollectorSection(props: CollectorSectionProps) {
  const t = useT();
  const { collector } = props;
  return (
    <section className="group-step" aria-labelledby="collector-title">
      <h2 id="collector-title">{t('group.collector.title')}</h2>
      {collector ? (
        <div className="collector-chosen tone-ok" data-testid="collector">
          <p className="collector-name">
            {collector.kind === 'card' ? fullName(collector.summary) : collector.name}
          </p>
          <p>
            {collector.kind === 'card'
              ? t('group.collector.byCard', {
                  card: groupedCard(collector.summary.card),
                  sb: maskedStamboeknummer(collector.summary.stamboeknummer) ?? '',
                })
              : t('group.collector.byId', { note: collector.idNote })}
          </p>
          <button type="button" className="secondary-button" onClick={props.onChange}>
            {t('group.collector.change')}
          </button>
        </div>
      ) : props.personMode ? (
        <PersonCollectorForm onChoose={props.onChoose} onCancel={() => props.onPersonMode(false)} />
      ) : (
        <>
          <CardSearch
            id="collector-search"
            label={t('group.collector.searchLabel')}
            hint={t('group.collector.searchHint')}
            search={props.search}
            inputRef={props.inputRef}
            autoFocus
            onCard={(card) => props.onCard(card)}
          />
          <button type="button" className="secondary-button" onClick={() => props.onPersonMode(true)}>
            {t('group.collector.noCard')}
          </button>
        </>
      )}
      {props.problem && (
        <p role="alert" className="inline-problem tone-stop">
          {props.problem}
        </p>
      )}
    </section>
  );
}
