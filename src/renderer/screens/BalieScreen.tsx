import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { CardCheck } from '../../shared/api/apiTypes';
import type { HandOutDone } from '../../shared/desk/deskResults';
import type { ScanContent } from '../../shared/scan/parseScan';
import { systemClock } from '../../shared/time/clock';
import { FailureNotice } from '../app/FailureNotice';
import { useLang } from '../app/i18n';
import { CardSearch } from '../components/CardSearch';
import { fullName } from '../components/cardDisplay';
import { UnknownScan } from '../components/UnknownScan';
import { useCardSearch } from '../components/useCardSearch';
import { useDeskScans } from '../components/useDeskScans';
import { WebcamSection } from '../components/WebcamSection';
import { CardPanel } from './balie/CardPanel';
import type { LastHandOut } from './balie/lastHandOut';
import { UndoBar } from './balie/UndoBar';
import { WhereIsCard } from './balie/WhereIsCard';
import { alertFeedback } from '../components/deskFeedback';
import { problemText } from '../components/problemText';

const SEARCH_ID = 'balie-search';

function typingTarget(target: EventTarget): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** The default screen: one field for everything, the verdict in huge type, hand-out with ID check. */
export function BalieScreen() {
  const { t, lang } = useLang();
  const search = useCardSearch();
  const searchRef = useRef<HTMLInputElement>(null);
  const [panel, setPanel] = useState<{ card: string; reload: number } | null>(null);
  const [last, setLast] = useState<LastHandOut | null>(null);
  const [unknownCode, setUnknownCode] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // Every opening of a card panel gets its own number, even for the same card.
  const openings = useRef(0);

  const { query, setQuery } = search;
  // A name search that settled on nothing: offer the "where is my card" look-up by postcode.
  const noNameMatch =
    query.trim().length >= 3 &&
    search.forQuery === query &&
    search.results.length === 0 &&
    search.failure === null &&
    !/^[\d\s]+$/.test(query);
  useEffect(() => {
    if (query !== '') setUnknownCode(null);
  }, [query]);

  const openCard = (card: string) => {
    setUnknownCode(null);
    setQuery('');
    setPanel({ card, reload: ++openings.current });
  };

  const backToSearch = () => {
    setPanel(null);
    setQuery('');
    setUnknownCode(null);
    searchRef.current?.focus();
  };

  const handedHere =
    last && panel && last.card === panel.card && last.panelOpening === panel.reload ? last : null;
  const confirmingCard = handedHere && handedHere.confirm.kind !== 'right' ? handedHere : null;

  const onScan = (scan: ScanContent) => {
    if (scan.kind === 'card') {
      if (confirmingCard) {
        if (scan.card === confirmingCard.card) {
          setLast({ ...confirmingCard, confirm: { kind: 'right' } });
          setAnnouncement(t('balie.confirm.right'));
        } else {
          setLast({ ...confirmingCard, confirm: { kind: 'wrong', scanned: scan.card } });
          alertFeedback();
        }
        return;
      }
      openCard(scan.card);
    } else if (scan.kind === 'stamboeknummer') {
      setUnknownCode(null);
      setQuery(scan.stamboeknummer);
      searchRef.current?.focus();
    } else {
      setQuery('');
      setUnknownCode(scan.raw);
      alertFeedback();
    }
  };
  useDeskScans(onScan);

  const onHandedOut = (done: HandOutDone, check: CardCheck) => {
    setLast({
      card: done.card,
      name: check.found ? fullName(check.summary) : done.card,
      handedAtMs: systemClock.now().getTime(),
      panelOpening: panel?.reload ?? 0,
      confirm: { kind: 'waiting' },
    });
    setAnnouncement(t('balie.handout.done'));
    searchRef.current?.focus();
  };

  const onUndone = () => {
    const card = last?.card;
    setLast(null);
    setAnnouncement(t('balie.undo.done'));
    if (card && panel?.card === card) setPanel({ card, reload: ++openings.current });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      backToSearch();
    } else if (e.key.length === 1 && e.key !== ' ' && !typingTarget(e.target)) {
      // Typing anywhere starts a new search: the character lands in the field.
      searchRef.current?.focus();
    }
  };

  return (
    <div className="balie-screen" onKeyDown={onKeyDown}>
      <h1 className="sr-only">{t('app.nav.balie')}</h1>
      <CardSearch
        id={SEARCH_ID}
        label={t('balie.search.label')}
        hint={t('balie.search.hint')}
        search={search}
        inputRef={searchRef}
        autoFocus
        large
        cardOnEnter
        onCard={(card) => openCard(card)}
        onEscape={backToSearch}
      />
      {search.failure && search.forQuery === query && query.trim() !== '' && (
        <FailureNotice text={problemText(search.failure, lang)} onRetry={search.retry} />
      )}
      {unknownCode !== null && <UnknownScan raw={unknownCode} />}
      {noNameMatch && <WhereIsCard key={query} />}
      {panel && (
        // Hidden, not closed, while a new search is typed: Esc or a pick replaces it. Not keyed
        // by card: the next card's verdict lands in the same elements (CardPanel keys its answer).
        <div hidden={query !== ''}>
          <CardPanel
            card={panel.card}
            reload={panel.reload}
            handedOut={handedHere}
            onHandedOut={onHandedOut}
            onOpenCard={openCard}
            onVerdict={(text, needsInput) => {
              setAnnouncement(text);
              if (!needsInput) searchRef.current?.focus();
            }}
          />
        </div>
      )}
      {last && <UndoBar key={last.card + last.handedAtMs} last={last} onUndone={onUndone} />}
      <WebcamSection onScan={onScan} />
      <div className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}
