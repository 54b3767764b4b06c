import { useEffect, useRef, useState } from 'react';
import type { CardCheck } from '../../../shared/api/apiTypes';
import type { HandOutDone } from '../../../shared/desk/deskResults';
import { useLang } from '../../app/i18n';
import { Icon } from '../../app/icons';
import { FailureNotice } from '../../app/FailureNotice';
import { useDesk } from '../../app/session';
import { usePointChanges } from '../../app/pointChanges';
import { CardIdentity } from '../../components/CardIdentity';
import { groupedCard } from '../../components/cardDisplay';
import { problemText } from '../../components/problemText';
import { VerdictPanel } from '../../components/VerdictPanel';
import { lookOfCheck, waitingLook } from '../../components/verdictLook';
import { HandOutButton } from './HandOutButton';
import type { LastHandOut } from './lastHandOut';
import { PostcodeLookup } from './PostcodeLookup';
import { ScanConfirmation } from './ScanConfirmation';

/** How long a check may take before the panel shows that it is looking the card up. */
const LOOKUP_SHOWN_AFTER_MS = 150;

interface CardPanelProps {
  card: string;
  /** Changes when the same card must be checked again (after an undo). */
  reload: number;
  /** The last hand-out when it was this card: the panel then asks for the barcode check. */
  handedOut: LastHandOut | null;
  onHandedOut(done: HandOutDone, check: CardCheck): void;
  onOpenCard(card: string): void;
  onVerdict(text: string, needsInput: boolean): void;
}

/** One card: who, and may it be handed out now — in huge type, colour, icon and words. */
export function CardPanel({ card, reload, handedOut, onHandedOut, onOpenCard, onVerdict }: CardPanelProps) {
  const { api } = useDesk();
  const { t, lang } = useLang();
  const [attempt, setAttempt] = useState(0);
  const [handOutPending, setHandOutPending] = useState(false);
  // The answer with the opening it belongs to: the panel stays mounted from card to card (only
  // its text and attributes change), so an answer for another card or opening is no answer.
  const opening = `${card} ${reload} ${attempt} ${lang}`;
  const [answer, setAnswer] = useState<{ opening: string; check: CardCheck | null; failure: string | null }>({
    opening: '',
    check: null,
    failure: null,
  });
  const current = answer.opening === opening ? answer : null;
  const check = current?.check ?? null;
  const failure = current?.failure ?? null;
  const setCheck = (next: CardCheck) => setAnswer({ opening, check: next, failure: null });

  useEffect(() => {
    let live = true;
    void api.checkCard({ card }).then((result) => {
      if (!live) return;
      setAnswer(
        result.ok
          ? { opening, check: result.value, failure: null }
          : { opening, check: null, failure: problemText(result, lang) },
      );
    });
    return () => {
      live = false;
    };
  }, [api, card, lang, opening]);

  // Most checks answer within a frame or two: the panel stays out of sight (no previous verdict,
  // no flash of "looking up") and only a slow check shows its "looking up" state.
  const [slowOpening, setSlowOpening] = useState('');
  const waiting = check === null && failure === null;
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setTimeout(() => setSlowOpening(opening), LOOKUP_SHOWN_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [waiting, opening]);

  // Another desk (or the CLI) wrote an event: check the shown card again, quietly (no loading
  // state, the hand-out form keeps what was typed). Only a found card: a postcode look-up's
  // answer for an unknown card stays. Not while this card's own hand-out is in flight or failed:
  // its retry tells the truth (the store keeps one hand-out per request id), and the form must
  // not change under the librarian's hand; the re-check follows once that is settled.
  const changes = usePointChanges();
  const seenChanges = useRef(changes);
  const found = check?.found === true;
  useEffect(() => {
    if (changes === seenChanges.current || !found || handOutPending) return;
    seenChanges.current = changes;
    let current = true;
    void api.checkCard({ card }).then((result) => {
      if (current && result.ok) setCheck(result.value);
    });
    return () => {
      current = false;
    };
  }, [api, card, changes, found, handOutPending]);

  const look = check ? lookOfCheck(check, t, lang) : null;
  const ready = check?.found === true && check.verdict.ok;
  const notHere = check?.found === false;

  useEffect(() => {
    if (look && !handedOut) onVerdict(`${look.title}. ${look.detail}`, ready || notHere);
    // Announce once per verdict, not on every render.
  }, [look?.title, look?.detail]);

  if (failure) return <FailureNotice text={failure} onRetry={() => setAttempt((n) => n + 1)} />;

  const summary = check?.found ? check.summary : null;
  const replacedBy =
    check?.found && !check.verdict.ok && check.verdict.error === 'replaced' ? check.verdict.replacedBy : null;
  // Same elements while the check is out as when it is in: a scan changes text, not the tree.
  return (
    <article
      className="card-panel"
      aria-label={t('balie.card.panel')}
      aria-busy={check === null}
      hidden={waiting && slowOpening !== opening}
      data-card={card}
    >
      <CardIdentity card={card} summary={summary} />
      {handedOut ? (
        <section className="verdict tone-ok" data-tone="ok">
          <p className="verdict-title">
            <Icon name="ok" size={52} />
            <span>{t('balie.handout.done')}</span>
          </p>
          <ScanConfirmation last={handedOut} />
          <p className="verdict-next">{t('balie.handout.next')}</p>
        </section>
      ) : (
        <VerdictPanel look={look ?? waitingLook(t('balie.card.loading', { card: groupedCard(card) }))}>
          {ready && check && (
            <HandOutButton
              card={card}
              onDone={(done) => onHandedOut(done, check)}
              onPending={setHandOutPending}
            />
          )}
          {notHere && <PostcodeLookup card={card} onChecked={setCheck} />}
          {replacedBy && (
            <button type="button" className="secondary-button" onClick={() => onOpenCard(replacedBy)}>
              {t('balie.card.openReplacement', { card: groupedCard(replacedBy) })}
            </button>
          )}
        </VerdictPanel>
      )}
    </article>
  );
}
