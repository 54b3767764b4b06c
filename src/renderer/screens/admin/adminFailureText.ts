import type { ApiFailure } from '../../../shared/api/contract';
import { belgianDate, describeDeskProblem } from '../../../shared/i18n/deskText';
import type { Lang } from '../../../shared/lang';
import { describePointProblem } from '../../../shared/i18n/pointText';
import { describeStoreProblem } from '../../../shared/i18n/storeText';
import { assertNever } from '../../../shared/result';
import { transportFailureText } from '../../app/apiFailureText';
import type { Translate } from '../../app/i18n';

/** The methods Beheer calls. */
export type AdminMethod =
  | 'importPackage'
  | 'exportReport'
  | 'newYear'
  | 'settings'
  | 'changeSettings'
  | 'verifyAdminPin'
  | 'setAdminPin'
  | 'auditLog'
  | 'backups'
  | 'backupNow'
  | 'updateStatus'
  | 'pointDesks'
  | 'openPairing'
  | 'revokeDesk'
  | 'unpairThisDesk'
  | 'handOverHost'
  | 'takeOverHost'
  | 'joinThisDesk'
  | 'quitAfterUnpair';

/** Any refusal an admin call can return, straight from the contract. */
export type AdminFailure = ApiFailure<AdminMethod>;

/**
 * One sentence for a refusal, PIN problems in the desk's own words. The switch is exhaustive: a
 * failure code added to an admin method in the contract does not compile until it has a text here.
 */
export function describeAdminFailure(f: AdminFailure, t: Translate, lang: Lang): string {
  switch (f.error) {
    case 'unavailable':
    case 'internal':
      return transportFailureText(f, t);
    case 'pin_not_set':
    case 'pin_wrong':
    case 'pin_locked':
    case 'invalid_request':
    case 'unknown_staff':
      return describeDeskProblem(f, lang);
    case 'pin_not_digits':
      return t('admin.pin.error.notDigits');
    case 'pin_too_short':
      return t('admin.pin.error.tooShort', { n: f.minDigits });
    case 'pin_too_long':
      return t('admin.pin.error.tooLong', { n: f.maxDigits });
    case 'pin_too_simple':
      return t('admin.pin.error.tooSimple');
    case 'pin_current_required':
      return t('admin.pin.error.currentRequired');
    case 'not_initialized':
      return t('admin.error.notInitialized');
    case 'not_host':
      return t('point.refused.notHost', { host: f.host });
    case 'sync_unavailable':
      return t('point.refused.syncUnavailable');
    case 'unknown_desk':
      return t('point.refused.unknownDesk', { name: f.name });
    case 'desk_unreachable':
      return t('point.refused.deskUnreachable', { name: f.name });
    case 'handover_refused':
      return t(f.behind ? 'point.refused.handoverBehind' : 'point.refused.handoverRefused', { name: f.name });
    case 'already_host':
      return t('point.refused.alreadyHost');
    case 'other_point':
      return t('point.refused.otherPoint', { found: f.found, expected: f.expected });
    case 'store_not_empty':
      return t('point.refused.storeNotEmpty');
    case 'not_unpaired':
      return t('point.refused.notUnpaired');
    case 'quit_unavailable':
      return t('point.refused.quitUnavailable');
    case 'store_exists':
    case 'bad_url':
    case 'bad_name':
    case 'unreachable':
    case 'host_not_pinned':
    case 'pairing_closed':
    case 'refused':
    case 'host_not_proven':
    case 'transfer_failed':
      return describePointProblem(f, lang);
    case 'is_host':
      return t('point.refused.unpairOnHost');
    case 'in_use':
      return t('point.refused.storeInUse');
    case 'host_unreachable':
      return t('point.unpair.hostUnreachable', { host: f.host });
    case 'no_batches':
      return t('admin.error.noBatches');
    case 'write_failed':
      return t('admin.error.writeFailed', { detail: f.detail });
    case 'key_unreadable':
      return t(f.sealed ? 'key.unreadable.sealed' : 'key.unreadable.damaged', { file: f.file });
    case 'package_too_large':
      return t('admin.error.packageTooLarge');
    case 'unreadable_file':
      return t('admin.error.unreadableFile', { detail: f.detail });
    case 'store_full':
    case 'store_busy':
      return describeStoreProblem({ error: f.error }, lang);
    case 'desk_name_invalid':
    case 'desk_name_taken':
      return describeStoreProblem(f, lang);
    case 'invalid_package':
      return t('admin.import.refused');
    case 'nothing_to_close':
      return t('admin.year.error.nothingToClose');
    case 'year_not_after':
      return t('admin.year.error.notAfter', { year: f.cardYear, current: f.currentYear });
    case 'last_day_after_batches':
      return t('admin.settings.error.lastDayAfterBatches', {
        lastDay: belgianDate(f.lastDay),
        batchesUntil: belgianDate(f.batchesUntil),
      });
    default:
      return assertNever(f);
  }
}
