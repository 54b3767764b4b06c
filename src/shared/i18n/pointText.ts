import { assertNever } from '../result';
import type { Lang } from '../lang';
import { textsFor } from './texts';

/** Refusals of pairing and of the point's desks, as people read them. */
export type PointProblem =
  | { error: 'store_exists'; path: string }
  | { error: 'bad_url'; url: string }
  | { error: 'bad_name' }
  | { error: 'unreachable' }
  | { error: 'host_not_pinned'; seen: string }
  | { error: 'pairing_closed' }
  | { error: 'refused'; reason: 'wrong_code' | 'code_expired' | 'too_many_attempts' | 'no_code' | 'version' }
  | { error: 'host_not_proven' }
  | { error: 'transfer_failed' }
  | { error: 'anomaly_not_found'; card: string }
  | { error: 'note_required' }
  | { error: 'unknown_staff'; staff: string };

export function describePointProblem(problem: PointProblem, lang: Lang = 'nl'): string {
  const t = textsFor(lang);
  switch (problem.error) {
    case 'store_exists':
      return t('point.refused.storeExists', { path: problem.path });
    case 'bad_url':
      return t('point.refused.badUrl', { url: problem.url });
    case 'bad_name':
      return t('point.refused.badName');
    case 'unreachable':
      return t('point.refused.unreachable');
    case 'host_not_pinned':
      return t('point.refused.hostNotPinned');
    case 'pairing_closed':
      return t('point.refused.pairingClosed');
    case 'refused':
      switch (problem.reason) {
        case 'wrong_code':
          return t('point.refused.wrongCode');
        case 'code_expired':
          return t('point.refused.codeExpired');
        case 'too_many_attempts':
          return t('point.refused.tooManyAttempts');
        case 'no_code':
          return t('point.refused.noCode');
        case 'version':
          return t('point.refused.version');
        default:
          return assertNever(problem.reason);
      }
    case 'host_not_proven':
      return t('point.refused.hostNotProven');
    case 'transfer_failed':
      return t('point.refused.transferFailed');
    case 'anomaly_not_found':
      return t('point.refused.anomalyNotFound', { card: problem.card });
    case 'note_required':
      return t('point.refused.noteRequired');
    case 'unknown_staff':
      return t('desk.problem.unknownStaff', { staff: problem.staff });
    default:
      return assertNever(problem);
  }
}
