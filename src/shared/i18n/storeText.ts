import { assertNever } from '../result';
import type { Lang } from '../lang';
import { textsFor } from './texts';

/** Failures of opening, initialising and importing, as people read them. */
export type StoreProblem =
  | { error: 'db_newer'; found: number; supported: number }
  | { error: 'db_foreign'; path: string }
  | { error: 'db_unreadable'; path: string; detail: string }
  | { error: 'not_initialized' }
  | { error: 'invalid_point_id'; value: string }
  | { error: 'invalid_issuer_key' }
  | { error: 'point_has_data'; current: string }
  | { error: 'unreadable_file'; path: string; detail: string }
  | { error: 'store_full' }
  | { error: 'store_busy' }
  | { error: 'desk_name_invalid'; max: number }
  | { error: 'desk_name_taken'; name: string };

export function describeStoreProblem(problem: StoreProblem, lang: Lang = 'nl'): string {
  const t = textsFor(lang);
  switch (problem.error) {
    case 'db_newer':
      return t('store.dbNewer', { found: problem.found, supported: problem.supported });
    case 'db_foreign':
      return t('store.dbForeign', { path: problem.path });
    case 'db_unreadable':
      return t('store.dbUnreadable', { path: problem.path, detail: problem.detail });
    case 'not_initialized':
      return t('store.notInitialized');
    case 'invalid_point_id':
      return t('store.invalidPointId', { value: problem.value });
    case 'invalid_issuer_key':
      return t('store.invalidIssuerKey');
    case 'point_has_data':
      return t('store.pointHasData', { current: problem.current });
    case 'unreadable_file':
      return t('store.unreadableFile', { path: problem.path, detail: problem.detail });
    case 'store_full':
      return t('store.full');
    case 'store_busy':
      return t('store.busy');
    case 'desk_name_invalid':
      return t('desk.name.invalid', { max: problem.max });
    case 'desk_name_taken':
      return t('desk.name.taken', { name: problem.name });
    default:
      return assertNever(problem);
  }
}
