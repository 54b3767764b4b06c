import { assertNever } from '../result';
import { belgianDate, describeDeskProblem } from './deskText';
import type { Lang } from './lang';

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
  const nl = lang === 'nl';
  switch (problem.error) {
    case 'backup_unreadable':
      return nl
        ? `De back-up ${problem.path} kan niet gelezen worden (${problem.detail}); er is niets gewijzigd.`
        : `The backup ${problem.path} cannot be read (${problem.detail}); nothing was changed.`;
    case 'not_a_balie_db':
      return nl
        ? `${problem.path} is geen back-up van Lerarenkaart Balie; er is niets gewijzigd.`
        : `${problem.path} is not a Lerarenkaart Balie backup; nothing was changed.`;
    case 'db_newer':
      return nl
        ? `Deze back-up komt van een nieuwere versie van Lerarenkaart Balie (schema ${problem.found}; deze versie kent tot ${problem.supported}). Installeer eerst de nieuwste versie; er is niets gewijzigd.`
        : `This backup comes from a newer version of Lerarenkaart Balie (schema ${problem.found}; this version knows up to ${problem.supported}). Install the latest version first; nothing was changed.`;
    case 'db_corrupt':
      return nl
        ? `De back-up ${problem.path} is beschadigd (${problem.detail}); er is niets gewijzigd. Kies een andere back-up.`
        : `The backup ${problem.path} is damaged (${problem.detail}); nothing was changed. Choose another backup.`;
    case 'target_foreign':
      return nl
        ? `${problem.path} is een database van een ander programma; die wordt niet overschreven. Kies een ander pad (--db).`
        : `${problem.path} is another program's database; it will not be overwritten. Choose another path (--db).`;
    case 'store_in_use':
      return nl
        ? `De database ${problem.path} is nog geopend (door de app of een andere opdracht). Sluit Lerarenkaart Balie op alle balies en probeer opnieuw; er is niets gewijzigd.`
        : `The database ${problem.path} is still open (by the app or another command). Close Lerarenkaart Balie on every desk and try again; nothing was changed.`;
    case 'point_mismatch':
      return nl
        ? `Deze back-up hoort bij punt ${problem.backupPoint ?? '(niet ingesteld)'}, deze installatie bij ${problem.currentPoint}. Er is niets gewijzigd; gebruik --other-point als dit echt de bedoeling is.`
        : `This backup belongs to point ${problem.backupPoint ?? '(not set)'}, this installation to ${problem.currentPoint}. Nothing was changed; use --other-point if this is really intended.`;
    case 'restore_io':
      return nl
        ? `Terugzetten mislukt bij het schrijven (${problem.detail}); de huidige database is niet gewijzigd.`
        : `Restore failed while writing (${problem.detail}); the current database was not changed.`;
    default:
      return assertNever(problem);
  }
}

/** The PIN refusals read the same everywhere: one text, in deskText. */
export function describeAdminPinProblem(problem: AdminPinProblem, lang: Lang = 'nl'): string {
  return describeDeskProblem(problem, lang);
}

export function describeLeftoversProblem(problem: LeftoversProblem, lang: Lang = 'nl'): string {
  const nl = lang === 'nl';
  switch (problem.error) {
    case 'unknown_staff':
      return describeDeskProblem(problem, lang);
    case 'before_last_day':
      if (problem.lastDay === null) {
        return nl
          ? 'Er is nog geen laatste afhaaldag bekend; kaarten als teruggestuurd markeren kan nu alleen met de beheerderspincode.'
          : 'No last collection day is known yet; marking cards as returned now needs the admin PIN.';
      }
      return nl
        ? `De laatste afhaaldag is ${belgianDate(problem.lastDay)}: tot dan kunnen leraren hun kaart nog komen halen. Vroeger markeren als teruggestuurd kan alleen met de beheerderspincode.`
        : `The last collection day is ${belgianDate(problem.lastDay)}: until then teachers can still collect their card. Marking as returned earlier needs the admin PIN.`;
    case 'pin_not_set':
    case 'pin_wrong':
    case 'pin_locked':
      return describeAdminPinProblem(problem, lang);
    default:
      return assertNever(problem);
  }
}

export function describePurgeProblem(problem: PurgeProblem, lang: Lang = 'nl'): string {
  const nl = lang === 'nl';
  switch (problem.error) {
    case 'no_last_day':
      return nl
        ? 'Er is nog geen laatste afhaaldag bekend, dus ook geen einde van de bewaartermijn. Er is niets gewist.'
        : 'No last collection day is known yet, so no end of the retention period either. Nothing was erased.';
    case 'too_early':
      return nl
        ? `Persoonsgegevens worden bewaard tot ${problem.retentionDays} dagen na de laatste afhaaldag (${belgianDate(problem.lastDay)}). Wissen kan vanaf ${belgianDate(problem.firstAllowedDay)}; er is niets gewist.`
        : `Personal data is kept until ${problem.retentionDays} days after the last collection day (${belgianDate(problem.lastDay)}). Erasing is possible from ${belgianDate(problem.firstAllowedDay)}; nothing was erased.`;
    case 'pin_not_set':
    case 'pin_wrong':
    case 'pin_locked':
      return describeAdminPinProblem(problem, lang);
    default:
      return assertNever(problem);
  }
}
