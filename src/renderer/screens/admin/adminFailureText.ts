import { belgianDate, describeDeskProblem } from '../../../shared/i18n/deskText';
import type { DeskProblem } from '../../../shared/i18n/deskText';
import type { Lang } from '../../../shared/i18n/lang';
import { describeStoreProblem } from '../../../shared/i18n/storeText';
import { isTransportFailure } from '../../../shared/api/transportFailure';
import { transportFailureText } from '../../app/apiFailureText';
import type { Translate } from '../../app/i18n';

/** Any refusal an admin call can return; the fields depend on `error`. */
export type AdminFailure = { ok: false; error: string } & object;

function field(f: AdminFailure, name: string): string {
  const value = (f as Record<string, unknown>)[name];
  return value === undefined || value === null ? '?' : String(value);
}

/** One sentence for a refusal, PIN problems in the desk's own words. */
export function describeAdminFailure(f: AdminFailure, t: Translate, lang: Lang): string {
  if (isTransportFailure(f)) return transportFailureText(f, t);
  switch (f.error) {
    case 'pin_not_set':
    case 'pin_wrong':
    case 'pin_locked':
    case 'invalid_request':
      return describeDeskProblem(f as unknown as DeskProblem, lang);
    case 'pin_not_digits':
      return t('admin.pin.error.notDigits');
    case 'pin_too_short':
      return t('admin.pin.error.tooShort', { n: field(f, 'minDigits') });
    case 'pin_too_long':
      return t('admin.pin.error.tooLong', { n: field(f, 'maxDigits') });
    case 'pin_too_simple':
      return t('admin.pin.error.tooSimple');
    case 'pin_current_required':
      return t('admin.pin.error.currentRequired');
    case 'not_initialized':
      return t('admin.error.notInitialized');
    case 'no_batches':
      return t('admin.error.noBatches');
    case 'write_failed':
      return t('admin.error.writeFailed', { detail: field(f, 'detail') });
    case 'package_too_large':
      return t('admin.error.packageTooLarge');
    case 'unreadable_file':
      return t('admin.error.unreadableFile', { detail: field(f, 'detail') });
    case 'store_full':
    case 'store_busy':
      return describeStoreProblem({ error: f.error }, lang);
    case 'invalid_package':
      return t('admin.import.refused');
    case 'nothing_to_close':
      return t('admin.year.error.nothingToClose');
    case 'year_not_after':
      return t('admin.year.error.notAfter', { year: field(f, 'cardYear'), current: field(f, 'currentYear') });
    case 'unknown_staff':
      return describeDeskProblem(f as unknown as DeskProblem, lang);
    case 'last_day_after_batches':
      return t('admin.settings.error.lastDayAfterBatches', {
        lastDay: belgianDate(field(f, 'lastDay')),
        batchesUntil: belgianDate(field(f, 'batchesUntil')),
      });
    default:
      return t('common.error', { detail: f.error });
  }
}
