import { defineTexts } from '../catalogue';

/** The report-signing key, as the CLI and Beheer both explain it (keys start with 'key.'). */
export const keyTexts = defineTexts(
  {
    'key.unreadable.sealed':
      'De ondertekeningssleutel {file} is versleuteld door de desktoptoepassing (sleutelbewaring van het besturingssysteem) en kan hier niet geopend worden. Maak rapporten in de toepassing zelf, of draai deze opdracht als dezelfde gebruiker op dezelfde computer. Er is niets vervangen.',
    'key.unreadable.damaged':
      'De ondertekeningssleutel {file} is beschadigd en kan niet gelezen worden. Er is niets vervangen; maak bewust een nieuwe sleutel met: balie keys --rotate (beheerderspincode) en schrijf die in bij de uitgever.',
  },
  {
    'key.unreadable.sealed':
      'The signing key {file} is encrypted by the desktop application (the operating system’s key storage) and cannot be opened here. Make reports in the application itself, or run this command as the same user on the same computer. Nothing was replaced.',
    'key.unreadable.damaged':
      'The signing key {file} is damaged and cannot be read. Nothing was replaced; deliberately make a new key with: balie keys --rotate (admin PIN) and enrol it with the issuer.',
  },
);
