import type { KeyUnreadable } from '../../../platform/keys/installationKey';

/** The signing key exists but cannot be opened: say why, and that nothing was replaced. */
export function keyUnreadableText(failure: KeyUnreadable): string {
  return failure.sealed
    ? `De ondertekeningssleutel ${failure.file} is versleuteld door de desktoptoepassing (sleutelbewaring van het besturingssysteem) en kan hier niet geopend worden. Maak rapporten in de toepassing zelf, of draai deze opdracht als dezelfde gebruiker op dezelfde computer. Er is niets vervangen.`
    : `De ondertekeningssleutel ${failure.file} is beschadigd en kan niet gelezen worden. Er is niets vervangen; maak bewust een nieuwe sleutel met: balie keys --rotate (beheerderspincode) en schrijf die in bij de uitgever.`;
}
