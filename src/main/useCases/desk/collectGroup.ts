import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { cardVerdict } from '../../../shared/desk/cardVerdict';
import type { GroupRequest } from '../../../shared/desk/deskRequests';
import type { GroupCardProblem, GroupDone, GroupFailure } from '../../../shared/desk/deskResults';
import { isValidCardNumber } from '../../../shared/domain/cardNumber';
import { normalizeStamboeknummer } from '../../../shared/domain/stamboeknummer';
import { fail, ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import { brusselsDate, brusselsIso } from '../../../shared/time/brussels';
import { appendAudit } from '../../store/audit/auditLog';
import { getSetting } from '../../store/settings';
import type { StoreContext } from '../../store/storeContext';
import { storeWriteFailure } from '../../store/storeWriteFailure';
import { appendDeskEvent } from '../../store/appendDeskEvent';
import { nextGroupNo, ownDeskNumber } from '../../store/deskNames';
import { readCardFacts } from './cardFacts';
import { pointLastDay } from '../admin/pointLastDay';
import { checkStaff } from '../admin/staff';
import { maxGroupSize } from '../admin/groupSize';

/**
 * One teacher collects many colleagues' cards: all in one transaction, all or none. When any card
 * cannot go, nothing is handed out and every card's reason is returned so the desk can fix the list.
 */
export function collectGroup(ctx: StoreContext, request: GroupRequest): Result<GroupDone, GroupFailure> {
  try {
    return collectGroupNow(ctx, request);
  } catch (error) {
    // A full disk or a store held by another desk: the whole group is refused, none handed out.
    const refusal = storeWriteFailure(error);
    if (refusal) return refusal;
    throw error;
  }
}

function collectGroupNow(ctx: StoreContext, req: GroupRequest): Result<GroupDone, GroupFailure> {
  const { db, clock } = ctx;
  return db
    .transaction((): Result<GroupDone, GroupFailure> => {
      if (req.requestId) {
        const earlier = findGroupByRequestId(db, req.requestId, req.cards);
        if (earlier === 'other_cards') {
          return fail('invalid_request', { issues: ['requestId: already used for another list of cards'] });
        }
        if (earlier) return ok({ ...earlier, repeated: true });
      }
      if (!req.idChecked) return fail('id_not_checked');
      const staff = checkStaff(db, req.staff);
      if (!staff.ok) return fail('unknown_staff', { staff: staff.staff });
      const max = maxGroupSize(ctx);
      if (req.cards.length > max) return fail('group_too_large', { size: req.cards.length, max });

      let collectorCardId: number | null = null;
      if (req.collector.kind === 'stamboeknummer') {
        const sb = normalizeStamboeknummer(req.collector.stamboeknummer);
        const id = sb.ok
          ? (db
              .prepare(
                'SELECT id FROM cards WHERE stamboeknummer = ? ORDER BY replaced_by IS NOT NULL LIMIT 1',
              )
              .pluck()
              .get(sb.value) as number | undefined)
          : undefined;
        if (id === undefined) return fail('collector_unknown');
        collectorCardId = id;
      }

      const pointLast = pointLastDay(db);
      const today = brusselsDate(clock.now());
      const seen = new Set<string>();
      const refusals: { card: string; problem: GroupCardProblem }[] = [];
      const cardIds: { card: string; cardId: number }[] = [];
      for (const card of req.cards) {
        if (seen.has(card)) {
          refusals.push({ card, problem: { error: 'duplicate_in_group' } });
          continue;
        }
        seen.add(card);
        if (!isValidCardNumber(card)) {
          refusals.push({ card, problem: { error: 'invalid_card_number' } });
          continue;
        }
        const facts = readCardFacts(db, card, pointLast);
        if (!facts) {
          refusals.push({ card, problem: { error: 'not_here' } });
          continue;
        }
        const verdict = cardVerdict(facts, today);
        if (!verdict.ok) {
          const { ok: _ok, ...problem } = verdict;
          refusals.push({ card, problem });
          continue;
        }
        cardIds.push({ card, cardId: facts.cardId });
      }
      if (refusals.length > 0) return fail('group_refused', { refusals });

      const groupId = randomUUID();
      const deskId = getSetting(db, 'desk_id') ?? 'desk-unknown';
      // In this IMMEDIATE transaction: no other process on the store can take the same number.
      const groupNo = nextGroupNo(db, ownDeskNumber(db, deskId));
      const now = clock.now();
      const at = brusselsIso(now);
      db.prepare(
        `INSERT INTO pickup_groups (group_id, group_no, collector_card_id, collector_name, collector_id_note, desk_id,
           staff, at, at_ms, size) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        groupId,
        groupNo,
        collectorCardId,
        req.collector.kind === 'person' ? req.collector.name : null,
        req.collector.kind === 'person' ? req.collector.idNote : null,
        deskId,
        staff.staff,
        at,
        now.getTime(),
        cardIds.length,
      );
      for (const { card, cardId } of cardIds) {
        appendDeskEvent(db, clock, {
          kind: 'handout',
          cardId,
          staff: staff.staff,
          method: 'group',
          groupId,
          requestId: req.requestId ? `${req.requestId}:${card}` : null,
        });
      }
      appendAudit(db, clock, 'group', {
        groupId,
        groupNo,
        size: cardIds.length,
        cards: cardIds.map((c) => c.card),
      });
      return ok({ groupId, groupNo, at, size: cardIds.length, repeated: false });
    })
    .immediate();
}

/**
 * The group an earlier request with this id made, when it was for exactly these cards (in any
 * order). Only the first card used to be looked up: a reused id with the same first card answered
 * "done" for cards that were never handed out, and a list sharing only a later card would hit the
 * unique request_id (an exception) once that card had been voided. Now every card is looked up and
 * a different list is refused.
 */
function findGroupByRequestId(
  db: Database,
  requestId: string,
  cards: readonly string[],
): Omit<GroupDone, 'repeated'> | 'other_cards' | null {
  const groupOfRequest = db
    .prepare(`SELECT group_id FROM desk_events WHERE request_id = ? AND kind = 'handout'`)
    .pluck();
  const groupIds = new Set<string>();
  for (const card of cards) {
    const groupId = groupOfRequest.get(`${requestId}:${card}`) as string | null | undefined;
    if (groupId) groupIds.add(groupId);
  }
  if (groupIds.size === 0) return null;
  const [groupId] = groupIds;
  if (groupIds.size > 1 || groupId === undefined) return 'other_cards';
  const groupCards = db
    .prepare(
      `SELECT c.card FROM desk_events e JOIN cards c ON c.id = e.card_id WHERE e.group_id = ? AND e.kind = 'handout'`,
    )
    .pluck()
    .all(groupId) as string[];
  const asked = new Set(cards);
  const same =
    asked.size === cards.length &&
    groupCards.length === cards.length &&
    groupCards.every((c) => asked.has(c));
  if (!same) return 'other_cards';
  return db
    .prepare(
      'SELECT group_id AS groupId, group_no AS groupNo, at, size FROM pickup_groups WHERE group_id = ?',
    )
    .get(groupId) as Omit<GroupDone, 'repeated'>;
}
