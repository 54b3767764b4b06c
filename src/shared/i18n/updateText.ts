import { assertNever } from '../result';
import type { Lang } from './lang';

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
  const nl = lang === 'nl';
  const v = version ?? '?';
  switch (reason) {
    case 'newer_in_rollout':
      return nl ? `Versie ${v} staat klaar voor deze balie.` : `Version ${v} is ready for this desk.`;
    case 'outside_rollout':
      return nl
        ? `Versie ${v} wordt gefaseerd uitgerold; deze balie is nog niet aan de beurt.`
        : `Version ${v} is being rolled out in stages; this desk's turn has not come yet.`;
    case 'outside_install_hours':
      return nl
        ? `Versie ${v} wacht op de installatie-uren uit het beleid.`
        : `Version ${v} waits for the policy's install hours.`;
    case 'same_version':
      return nl ? `Deze balie heeft de nieuwste versie (${v}).` : `This desk has the latest version (${v}).`;
    case 'signature_missing':
      return nl
        ? 'Update geweigerd: de updatefeed is niet ondertekend. Meld dit aan IT.'
        : 'Update refused: the update feed is not signed. Tell IT.';
    case 'signature_invalid':
      return nl
        ? 'Update geweigerd: de handtekening van de updatefeed klopt niet (gewijzigd of beschadigd). Meld dit aan IT.'
        : 'Update refused: the update feed signature does not verify (changed or damaged). Tell IT.';
    case 'key_unknown':
      return nl
        ? 'Update geweigerd: de updatefeed is ondertekend met een sleutel die deze versie niet kent. Meld dit aan IT.'
        : 'Update refused: the update feed is signed with a key this version does not know. Tell IT.';
    case 'no_pinned_key':
      return nl
        ? 'Update geweigerd: deze versie bevat geen releasesleutel, dus geen enkele feed wordt aanvaard.'
        : 'Update refused: this version holds no release key, so no feed is accepted.';
    case 'feed_invalid':
      return nl
        ? 'Update geweigerd: de updatefeed is ondertekend maar onleesbaar of onvolledig.'
        : 'Update refused: the update feed is signed but unreadable or incomplete.';
    case 'feed_expired':
      return nl
        ? `Update geweigerd: de updatefeed (versie ${v}) is verlopen; de server biedt een oude feed aan.`
        : `Update refused: the update feed (version ${v}) has expired; the server offers an old feed.`;
    case 'feed_stale':
      return nl
        ? `Update geweigerd: deze feed (versie ${v}) is ouder dan een feed die deze balie al aanvaardde.`
        : `Update refused: this feed (version ${v}) is older than one this desk already accepted.`;
    case 'downgrade':
      return nl
        ? `Update geweigerd: versie ${v} is ouder dan de geïnstalleerde; teruggaan gebeurt nooit.`
        : `Update refused: version ${v} is older than the installed one; the desk never goes back.`;
    case 'network':
      return nl
        ? 'De updateserver is niet bereikbaar; de balie probeert later opnieuw.'
        : 'The update server cannot be reached; the desk tries again later.';
    case 'not_found':
      return nl
        ? 'De updateserver heeft geen feed voor dit platform of kanaal.'
        : 'The update server has no feed for this platform or channel.';
    case 'http_error':
      return nl
        ? 'De updateserver gaf een fout; de balie probeert later opnieuw.'
        : 'The update server answered with an error; the desk tries again later.';
    default:
      return assertNever(reason);
  }
}
