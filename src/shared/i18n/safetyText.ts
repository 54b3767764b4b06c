import { assertNever } from '../result';
import { belgianDate, describeDeskProblem } from './deskText';
import type { Lang } from '../lang';
import { textsFor } from './texts';

/** Why a backup file cannot be restored. */
export type BackupFileProblem =
  | { error: 'backup_unreadable'; path: string; detail: string }
  | { error: 'not_a_balie_db'; path: string }
  | { error: 'db_newer'; found: number; supported: number }
  | { error: 'db_corrupt'; path: string; detail: string };

export type RestoreProblem =
  | BackupFileProblem
  | { error: 'target_foreign'; path: string }
  | { error: 'store_in_use'; path: string }
  | { error: 'point_mismatch'; backupPoint: string | null; currentPoint: string }
  | { error: 'restore_io'; detail: string };

export type AdminPinProblem =
  | { error: 'pin_not_set' }
  | { error: 'pin_wrong'; triesLeftBeforeLock: number }
  | { error: 'pin_locked'; retryAfterSeconds: number };

export type LeftoversProblem =
  | { error: 'unknown_staff'; staff: string }
  | { error: 'before_last_day'; lastDay: string | null }
  | AdminPinProblem;

export type PurgeProblem =
  | { error: 'no_last_day' }
  | { error: 'too_early'; lastDay: string; retentionDays: number; firstAllowedDay: string }
  | AdminPinProblem;

export function describeRestoreProblem(problem: RestoreProblem, lang: Lang = 'nl'): string {
  const t = textsFor(lang);
  switch (problem.error) {
    case 'backup_unreadable':
      return t('store.restore.backupUnreadable', { path: problem.path, detail: problem.detail });
    case 'not_a_balie_db':
      return t('store.restore.notABalieDb', { path: problem.path });
    case 'db_newer':
      return t('store.restore.dbNewer', { found: problem.found, supported: problem.supported });
    case 'db_corrupt':
      return t('store.restore.dbCorrupt', { path: problem.path, detail: problem.detail });
    case 'target_foreign':
      return t('store.restore.targetForeign', { path: problem.path });
    case 'store_in_use':
      return t('store.restore.storeInUse', { path: problem.path });
    case 'point_mismatch':
      return t('store.restore.pointMismatch', {
        backupPoint: problem.backupPoint ?? t('store.restore.pointNotSet'),
        currentPoint: problem.currentPoint,
      });
    case 'restore_io':
      return t('store.restore.io', { detail: problem.detail });
    default:
      return assertNever(problem);
  }
}

/** The PIN refusals read the same everywhere: one text, in deskText. */
export function describeAdminPinProblem(problem: AdminPinProblem, lang: Lang = 'nl'): string {
  return describeDeskProblem(problem, lang);
}

const ADMIN_PIN_ERRORS: readonly string[] = [
  'pin_not_set',
  'pin_wrong',
  'pin_locked',
] satisfies AdminPinProblem['error'][];

/** A PIN refusal inside a wider problem union; what is left still needs its exhaustive switch. */
function isAdminPinProblem<P extends { error: string }>(problem: P): problem is Extract<P, AdminPinProblem> {
  return ADMIN_PIN_ERRORS.includes(problem.error);
}

export function describeLeftoversProblem(problem: LeftoversProblem, lang: Lang = 'nl'): string {
  if (isAdminPinProblem(problem)) return describeAdminPinProblem(problem, lang);
  const t = textsFor(lang);
  switch (problem.error) {
    case 'unknown_staff':
      return describeDeskProblem(problem, lang);
    case 'before_last_day':
      return problem.lastDay === null
        ? t('store.leftovers.noLastDay')
        : t('store.leftovers.beforeLastDay', { lastDay: belgianDate(problem.lastDay) });
    default:
      return assertNever(problem);
  }
}

export function describePurgeProblem(problem: PurgeProblem, lang: Lang = 'nl'): string {
  if (isAdminPinProblem(problem)) return describeAdminPinProblem(problem, lang);
  const t = textsFor(lang);
  switch (problem.error) {
    case 'no_last_day':
      return t('store.purge.noLastDay');
    case 'too_early':
      return t('store.purge.tooEarly', {
        retentionDays: problem.retentionDays,
        lastDay: belgianDate(problem.lastDay),
        firstAllowedDay: belgianDate(problem.firstAllowedDay),
      });
    default:
      return assertNever(problem);
  }
}
