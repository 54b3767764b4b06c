import { assertNever } from '../result';
import type { Lang } from './lang';

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
  | { error: 'store_busy' };

export function describeStoreProblem(problem: StoreProblem, lang: Lang = 'nl'): string {
  const nl = lang === 'nl';
  switch (problem.error) {
    case 'db_newer':
      return nl
        ? `Deze database komt van een nieuwere versie van Lerarenkaart Balie (schema ${problem.found}; deze versie kent tot ${problem.supported}). Installeer de nieuwste versie; de database is niet gewijzigd.`
        : `This database comes from a newer version of Lerarenkaart Balie (schema ${problem.found}; this version knows up to ${problem.supported}). Install the latest version; the database was not changed.`;
    case 'db_foreign':
      return nl
        ? `${problem.path} is geen database van Lerarenkaart Balie; er is niets gewijzigd.`
        : `${problem.path} is not a Lerarenkaart Balie database; nothing was changed.`;
    case 'db_unreadable':
      return nl
        ? `De database ${problem.path} kan niet geopend worden (${problem.detail}).`
        : `The database ${problem.path} cannot be opened (${problem.detail}).`;
    case 'not_initialized':
      return nl
        ? 'Deze installatie is nog niet ingesteld voor een afhaalpunt. Voer eerst uit: balie init --point PUNT-ID --name "Naam van het punt" --issuer-key uitgever.pub.pem'
        : 'This installation has not been set up for a distribution point yet. First run: balie init --point POINT-ID --name "Point name" --issuer-key issuer.pub.pem';
    case 'invalid_point_id':
      return nl
        ? `"${problem.value}" is geen geldig punt-ID: gebruik hoofdletters, cijfers en koppeltekens, zoals BIB-GENT.`
        : `"${problem.value}" is not a valid point id: use capitals, digits and hyphens, like BIB-GENT.`;
    case 'invalid_issuer_key':
      return nl
        ? 'De sleutel van de uitgever is geen geldige Ed25519 publieke sleutel (PEM). Vraag het juiste .pub.pem-bestand aan de uitgever.'
        : 'The issuer key is not a valid Ed25519 public key (PEM). Ask the issuer for the right .pub.pem file.';
    case 'point_has_data':
      return nl
        ? `Deze database hoort al bij punt ${problem.current} en bevat kaarten; een ander punt instellen zou gegevens mengen. Gebruik een nieuwe database (--db).`
        : `This database already belongs to point ${problem.current} and holds cards; setting another point would mix data. Use a new database (--db).`;
    case 'unreadable_file':
      return nl
        ? `Het bestand ${problem.path} kan niet gelezen worden (${problem.detail}).`
        : `The file ${problem.path} cannot be read (${problem.detail}).`;
    case 'store_full':
      return nl
        ? 'De schijf van deze pc is vol: het pakket is niet ingelezen en er is niets gewijzigd. Maak ruimte vrij (of verwittig de IT-dienst) en lees het opnieuw in.'
        : "This PC's disk is full: the package was not imported and nothing was changed. Free up space (or call IT) and import it again.";
    case 'store_busy':
      return nl
        ? 'Een andere balie houdt de database bezet: het pakket is niet ingelezen en er is niets gewijzigd. Probeer het zo opnieuw.'
        : 'Another desk is holding the database: the package was not imported and nothing was changed. Try again in a moment.';
    default:
      return assertNever(problem);
  }
}
