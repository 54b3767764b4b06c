import { useEffect, useMemo, useRef, useState } from 'react';
import type { GroupDone } from '../../shared/desk/deskResults';
import { describeDeskProblem } from '../../shared/i18n/deskText';
import type { ScanContent } from '../../shared/scan/parseScan';
import { FailureNotice } from '../app/FailureNotice';
import { useLang } from '../app/i18n';
import { useDesk } from '../app/session';
import { alertFeedback } from '../components/deskFeedback';
import { problemText } from '../components/problemText';
import { UnknownScan } from '../components/UnknownScan';
import { useCardSearch } from '../components/useCardSearch';
import { useDeskScans } from '../components/useDeskScans';
import { CollectorSection } from './group/CollectorSection';
import { GroupCardsSection } from './group/GroupCardsSection';
import { GroupConfirm } from './group/GroupConfirm';
import { GroupDoneView } from './group/GroupDoneView';
import type { Collector } from './group/groupTypes';
import { isRefused } from './group/groupTypes';
import { useGroupCards } from './group/useGroupCards';

type GroupResult = GroupDone & { receiptHtml: string };

function collectorRequest(c: Collector) {
  return c.kind === 'card'
    ? { kind: 'stamboeknummer' as const, stamboeknummer: c.summary.stamboeknummer }
    : { kind: 'person' as const, name: c.name, idNote: c.idNote };
}

/** Groepsafhaling: one teacher collects colleagues' cards, all or nothing, with a printed receipt. */
export function GroupScreen() {
  const { api, staff, session } = useDesk();
  const { t, lang } = useLang();
  const collectorSearch = useCardSearch();
  const cardSearch = useCardSearch();
  const collectorRef = useRef<HTMLInputElement>(null);
  const cardRef = useRef<HTMLInputElement>(null);
  const [collector, setCollector] = useState<Collector | null>(null);
  const [personMode, setPersonMode] = useState(false);
  const [collectorProblem, setCollectorProblem] = useState<string | null>(null);
  const group = useGroupCards();
  const [addNote, setAddNote] = useState<string | null>(null);
  const [idChecked, setIdChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<GroupResult | null>(null);
  const [unknownCode, setUnknownCode] = useState<string | null>(null);
  const { cards } = group;

  // A new id whenever the list or the collector changes; a double click sends the same one.
  const composition = JSON.stringify([collector, cards.map((c) => c.card)]);
  const requestId = useMemo(() => (composition ? crypto.randomUUID() : ''), [composition]);

  useEffect(() => {
    if (collector) cardRef.current?.focus();
  }, [collector]);

  const chooseCollectorByCard = async (card: string) => {
    setCollectorProblem(null);
    const result = await api.checkCard({ card });
    if (!result.ok) return setCollectorProblem(problemText(result, lang));
    if (!result.value.found)
      return setCollectorProblem(describeDeskProblem({ error: 'collector_unknown' }, lang));
    const summary = result.value.summary;
    if (!summary.stamboeknummer) return setCollectorProblem(t('group.collector.noStamboek'));
    setPersonMode(false);
    setCollector({ kind: 'card', summary: { ...summary, stamboeknummer: summary.stamboeknummer } });
  };

  const addCard = (card: string) => {
    setFailure(null);
    setAddNote(
      group.add(card) === 'duplicate' ? describeDeskProblem({ error: 'duplicate_in_group' }, lang) : null,
    );
  };

  const reset = () => {
    setCollector(null);
    setPersonMode(false);
    setCollectorProblem(null);
    group.clear();
    setAddNote(null);
    setIdChecked(false);
    setFailure(null);
    setDone(null);
    setUnknownCode(null);
    collectorSearch.setQuery('');
    cardSearch.setQuery('');
    window.setTimeout(() => collectorRef.current?.focus(), 0);
  };

  const onScan = (scan: ScanContent) => {
    setUnknownCode(null);
    if (done) return;
    if (scan.kind === 'card') {
      if (collector) addCard(scan.card);
      else void chooseCollectorByCard(scan.card);
    } else if (scan.kind === 'stamboeknummer') {
      const search = collector ? cardSearch : collectorSearch;
      search.setQuery(scan.stamboeknummer);
      (collector ? cardRef : collectorRef).current?.focus();
    } else {
      setUnknownCode(scan.raw);
      alertFeedback();
    }
  };
  useDeskScans(onScan);

  const refused = cards.filter(isRefused).length;
  const checking = cards.filter((c) => c.check === null).length;
  const max = session.maxGroupSize;
  const blockers: string[] = [];
  if (!collector) blockers.push(t('group.blocker.collector'));
  if (cards.length === 0) blockers.push(t('group.blocker.noCards'));
  if (refused > 0) blockers.push(t('group.blocker.refused', { count: refused }));
  if (checking > 0) blockers.push(t('group.blocker.checking'));
  if (cards.length > max)
    blockers.push(describeDeskProblem({ error: 'group_too_large', size: cards.length, max }, lang));
  if (!idChecked) blockers.push(t('group.blocker.id'));

  const confirm = async () => {
    if (!collector || blockers.length > 0 || busy) return;
    setBusy(true);
    setFailure(null);
    const result = await api.collectGroup({
      collector: collectorRequest(collector),
      cards: cards.map((c) => c.card),
      staff,
      idChecked: true,
      requestId,
    });
    setBusy(false);
    if (result.ok) {
      setDone(result.value);
    } else if (result.error === 'group_refused') {
      group.markRefused(new Map(result.refusals.map((r) => [r.card, describeDeskProblem(r.problem, lang)])));
      setFailure(t('group.confirm.refused'));
      alertFeedback();
    } else {
      setFailure(problemText(result, lang));
    }
  };

  if (done && collector)
    return (
      <div className="group-screen">
        <h1>{t('group.title')}</h1>
        <GroupDoneView result={done} collector={collector} onNew={reset} />
      </div>
    );

  return (
    <div className="group-screen">
      <h1>{t('group.title')}</h1>
      {unknownCode !== null && <UnknownScan raw={unknownCode} />}
      {[collectorSearch, cardSearch].map(
        (search, i) =>
          search.failure &&
          search.forQuery === search.query &&
          search.query.trim() !== '' && (
            <FailureNotice key={i} text={problemText(search.failure, lang)} onRetry={search.retry} />
          ),
      )}
      {group.failure && <FailureNotice text={problemText(group.failure, lang)} onRetry={group.recheck} />}
      <CollectorSection
        collector={collector}
        personMode={personMode}
        problem={collectorProblem}
        search={collectorSearch}
        inputRef={collectorRef}
        onCard={(card) => void chooseCollectorByCard(card)}
        onPersonMode={(on) => {
          setCollectorProblem(null);
          setPersonMode(on);
        }}
        onChoose={setCollector}
        onChange={() => {
          setCollector(null);
          setIdChecked(false);
          window.setTimeout(() => collectorRef.current?.focus(), 0);
        }}
      />
      <GroupCardsSection
        cards={cards}
        max={max}
        search={cardSearch}
        inputRef={cardRef}
        note={addNote}
        suggestedSchool={collector?.kind === 'card' ? collector.summary.school : null}
        onAdd={addCard}
        onRemove={(card) => {
          setFailure(null);
          group.remove(card);
        }}
      />
      <GroupConfirm
        count={cards.length}
        blockers={blockers}
        busy={busy}
        failure={failure}
        idChecked={idChecked}
        onIdChecked={setIdChecked}
        onConfirm={() => void confirm()}
      />
    </div>
  );
}
