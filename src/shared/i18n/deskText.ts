import type { CardRefusal } from '../desk/cardVerdict';
import { assertNever } from '../result';
import { brusselsDate, brusselsTime } from '../time/brussels';
import type { Lang } from '../lang';
import { textsFor } from './texts';

/** `2027-01-05` → `05-01-2027`, as Belgians write dates. */
export function belgianDate(isoDay: string): string {
  const [y, m, d] = isoDay.split('-');
  return `${d}-${m}-${y}`;
}

export function describeCardRefusal(refusal: CardRefusal, lang: Lang = 'nl'): string {
  const t = textsFor(lang);
  switch (refusal.error) {
    case 'already_collected': {
      const when = new Date(refusal.at);
      return t('desk.refusal.alreadyCollected', {
        day: belgianDate(brusselsDate(when)),
        time: brusselsTime(when),
        desk: refusal.deskName ?? t('desk.otherDesk'),
        staff: refusal.staff,
        how: t(refusal.method === 'group' ? 'desk.refusal.how.group' : 'desk.refusal.how.self'),
      });
    }
    case 'revoked':
      return t('desk.refusal.revoked');
    case 'replaced':
      return t('desk.refusal.replaced', { card: refusal.replacedBy });
    case 'returned':
      return t('desk.refusal.returned');
    case 'before_period':
      return t('desk.refusal.beforePeriod', { day: belgianDate(refusal.availableFrom) });
    case 'after_period':
      return t('desk.refusal.afterPeriod', { day: belgianDate(refusal.lastDay) });
    default:
      return assertNever(refusal);
  }
}

/** Every other way a desk action can be refused, as the desk reads it. */
export type DeskProblem =
  | CardRefusal
  | { error: 'id_not_checked' }
  | { error: 'unknown_staff'; staff: string }
  | { error: 'invalid_card_number'; card?: string }
  | { error: 'not_here'; likelyPoint?: { naam: string; adres: string; openingsuren: string } | null }
  | { error: 'invalid_request'; issues: string[] }
  | { error: 'not_collected' }
  | { error: 'admin_pin_required'; handedOutOn: string }
  | { error: 'pin_not_set' }
  | { error: 'pin_wrong'; triesLeftBeforeLock: number }
  | { error: 'pin_locked'; retryAfterSeconds: number }
  | { error: 'collector_unknown' }
  | { error: 'group_too_large'; size: number; max: number }
  | { error: 'duplicate_in_group' }
  | { error: 'store_full' }
  | { error: 'store_busy' };

export function describeDeskProblem(problem: DeskProblem, lang: Lang = 'nl'): string {
  const t = textsFor(lang);
  switch (problem.error) {
    case 'already_collected':
    case 'revoked':
    case 'replaced':
    case 'returned':
    case 'before_period':
    case 'after_period':
      return describeCardRefusal(problem, lang);
    case 'id_not_checked':
      return t('desk.problem.idNotChecked');
    case 'unknown_staff':
      return t('desk.problem.unknownStaff', { staff: problem.staff });
    case 'invalid_card_number':
      return problem.card === undefined
        ? t('desk.problem.invalidCardNumberNoCard')
        : t('desk.problem.invalidCardNumber', { card: problem.card });
    case 'not_here': {
      const p = problem.likelyPoint;
      return p
        ? t('desk.problem.notHereAt', { naam: p.naam, adres: p.adres, uren: p.openingsuren })
        : t('desk.problem.notHere');
    }
    case 'invalid_request':
      return t('desk.problem.invalidRequest', { issues: problem.issues.join('; ') });
    case 'not_collected':
      return t('desk.problem.notCollected');
    case 'admin_pin_required':
      return t('desk.problem.adminPinRequired', { day: belgianDate(problem.handedOutOn) });
    case 'pin_not_set':
      return t('desk.problem.pinNotSet');
    case 'pin_wrong':
      return t('desk.problem.pinWrong', { count: problem.triesLeftBeforeLock });
    case 'pin_locked':
      return t('desk.problem.pinLocked', { count: problem.retryAfterSeconds });
    case 'collector_unknown':
      return t('desk.problem.collectorUnknown');
    case 'group_too_large':
      return t('desk.problem.groupTooLarge', { size: problem.size, max: problem.max });
    case 'duplicate_in_group':
      return t('desk.problem.duplicateInGroup');
    case 'store_full':
      return t('desk.problem.storeFull');
    case 'store_busy':
      return t('desk.problem.storeBusy');
    default:
      return assertNever(problem);
  }
}
