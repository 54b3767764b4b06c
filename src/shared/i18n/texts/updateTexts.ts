import { defineTexts } from '../catalogue';

/** What an update check found, for Beheer → Updates, the CLI and IT's log (keys start with 'update.'). */
export const updateTexts = defineTexts(
  {
    'update.newer_in_rollout': 'Versie {version} staat klaar voor deze balie.',
    'update.outside_rollout':
      'Versie {version} wordt gefaseerd uitgerold; deze balie is nog niet aan de beurt.',
    'update.outside_install_hours': 'Versie {version} wacht op de installatie-uren uit het beleid.',
    'update.same_version': 'Deze balie heeft de nieuwste versie ({version}).',
    'update.signature_missing': 'Update geweigerd: de updatefeed is niet ondertekend. Meld dit aan IT.',
    'update.signature_invalid':
      'Update geweigerd: de handtekening van de updatefeed klopt niet (gewijzigd of beschadigd). Meld dit aan IT.',
    'update.key_unknown':
      'Update geweigerd: de updatefeed is ondertekend met een sleutel die deze versie niet kent. Meld dit aan IT.',
    'update.no_pinned_key':
      'Update geweigerd: deze versie bevat geen releasesleutel, dus geen enkele feed wordt aanvaard.',
    'update.feed_invalid': 'Update geweigerd: de updatefeed is ondertekend maar onleesbaar of onvolledig.',
    'update.feed_expired':
      'Update geweigerd: de updatefeed (versie {version}) is verlopen; de server biedt een oude feed aan.',
    'update.feed_stale':
      'Update geweigerd: deze feed (versie {version}) is ouder dan een feed die deze balie al aanvaardde.',
    'update.downgrade':
      'Update geweigerd: versie {version} is ouder dan de geïnstalleerde; teruggaan gebeurt nooit.',
    'update.network': 'De updateserver is niet bereikbaar; de balie probeert later opnieuw.',
    'update.not_found': 'De updateserver heeft geen feed voor dit platform of kanaal.',
    'update.http_error': 'De updateserver gaf een fout; de balie probeert later opnieuw.',
  },
  {
    'update.newer_in_rollout': 'Version {version} is ready for this desk.',
    'update.outside_rollout':
      "Version {version} is being rolled out in stages; this desk's turn has not come yet.",
    'update.outside_install_hours': "Version {version} waits for the policy's install hours.",
    'update.same_version': 'This desk has the latest version ({version}).',
    'update.signature_missing': 'Update refused: the update feed is not signed. Tell IT.',
    'update.signature_invalid':
      'Update refused: the update feed signature does not verify (changed or damaged). Tell IT.',
    'update.key_unknown':
      'Update refused: the update feed is signed with a key this version does not know. Tell IT.',
    'update.no_pinned_key': 'Update refused: this version holds no release key, so no feed is accepted.',
    'update.feed_invalid': 'Update refused: the update feed is signed but unreadable or incomplete.',
    'update.feed_expired':
      'Update refused: the update feed (version {version}) has expired; the server offers an old feed.',
    'update.feed_stale':
      'Update refused: this feed (version {version}) is older than one this desk already accepted.',
    'update.downgrade':
      'Update refused: version {version} is older than the installed one; the desk never goes back.',
    'update.network': 'The update server cannot be reached; the desk tries again later.',
    'update.not_found': 'The update server has no feed for this platform or channel.',
    'update.http_error': 'The update server answered with an error; the desk tries again later.',
  },
);
