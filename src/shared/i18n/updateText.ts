import { assertNever } from '../result';
import type { Lang } from './lang';
import { textsFor } from './texts';

/** Why a desk refuses an update feed (src/main/platform/updates/feedCheck.ts). */
export type FeedRefusal =
  | 'signature_missing'
  | 'signature_invalid'
  | 'key_unknown'
  | 'no_pinned_key'
  | 'feed_invalid'
  | 'feed_expired'
  | 'feed_stale'
  | 'downgrade';

export type FeedCheckReason =
  | 'newer_in_rollout'
  | 'outside_rollout'
  | 'outside_install_hours'
  | 'same_version'
  | FeedRefusal
  | 'network'
  | 'not_found'
  | 'http_error';

/** One line for Beheer → Updates, the CLI and IT's log. */
export function feedCheckText(reason: FeedCheckReason, version: string | null, lang: Lang): string {
  const t = textsFor(lang);
  const v = version ?? '?';
  switch (reason) {
    case 'newer_in_rollout':
    case 'outside_rollout':
    case 'outside_install_hours':
    case 'same_version':
    case 'feed_expired':
    case 'feed_stale':
    case 'downgrade':
      return t(`update.${reason}`, { version: v });
    case 'signature_missing':
    case 'signature_invalid':
    case 'key_unknown':
    case 'no_pinned_key':
    case 'feed_invalid':
    case 'network':
    case 'not_found':
    case 'http_error':
      return t(`update.${reason}`);
    default:
      return assertNever(reason);
  }
}
