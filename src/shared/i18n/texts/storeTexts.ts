import { defineTexts } from '../catalogue';

/** Opening, initialising, restoring and purging the store (keys start with 'store.'). */
export const storeTexts = defineTexts(
  {
    'store.dbNewer':
      'Deze database komt van een nieuwere versie van Lerarenkaart Balie (schema {found}; deze versie kent tot {supported}). Installeer de nieuwste versie; de database is niet gewijzigd.',
    'store.dbForeign': '{path} is geen database van Lerarenkaart Balie; er is niets gewijzigd.',
    'store.dbUnreadable': 'De database {path} kan niet geopend worden ({detail}).',
    'store.notInitialized':
      'Deze installatie is nog niet ingesteld voor een afhaalpunt. Voer eerst uit: balie init --point PUNT-ID --name "Naam van het punt" --issuer-key uitgever.pub.pem',
    'store.invalidPointId':
      '"{value}" is geen geldig punt-ID: gebruik hoofdletters, cijfers en koppeltekens, zoals BIB-GENT.',
    'store.invalidIssuerKey':
      'De sleutel van de uitgever is geen geldige Ed25519 publieke sleutel (PEM). Vraag het juiste .pub.pem-bestand aan de uitgever.',
    'store.pointHasData':
      'Deze database hoort al bij punt {current} en bevat kaarten; een ander punt instellen zou gegevens mengen. Gebruik een nieuwe database (--db).',
    'store.unreadableFile': 'Het bestand {path} kan niet gelezen worden ({detail}).',
    'store.full':
      'De schijf van deze pc is vol: het pakket is niet ingelezen en er is niets gewijzigd. Maak ruimte vrij (of verwittig de IT-dienst) en lees het opnieuw in.',
    'store.busy':
      'Een andere balie houdt de database bezet: het pakket is niet ingelezen en er is niets gewijzigd. Probeer het zo opnieuw.',
    'store.restore.backupUnreadable':
      'De back-up {path} kan niet gelezen worden ({detail}); er is niets gewijzigd.',
    'store.restore.notABalieDb': '{path} is geen back-up van Lerarenkaart Balie; er is niets gewijzigd.',
    'store.restore.dbNewer':
      'Deze back-up komt van een nieuwere versie van Lerarenkaart Balie (schema {found}; deze versie kent tot {supported}). Installeer eerst de nieuwste versie; er is niets gewijzigd.',
    'store.restore.dbCorrupt':
      'De back-up {path} is beschadigd ({detail}); er is niets gewijzigd. Kies een andere back-up.',
    'store.restore.targetForeign':
      '{path} is een database van een ander programma; die wordt niet overschreven. Kies een ander pad (--db).',
    'store.restore.storeInUse':
      'De database {path} is nog geopend (door de app of een andere opdracht). Sluit Lerarenkaart Balie op alle balies en probeer opnieuw; er is niets gewijzigd.',
    'store.restore.pointMismatch':
      'Deze back-up hoort bij punt {backupPoint}, deze installatie bij {currentPoint}. Er is niets gewijzigd; gebruik --other-point als dit echt de bedoeling is.',
    'store.restore.pointNotSet': '(niet ingesteld)',
    'store.restore.io':
      'Terugzetten mislukt bij het schrijven ({detail}); de huidige database is niet gewijzigd.',
    'store.leftovers.noLastDay':
      'Er is nog geen laatste afhaaldag bekend; kaarten als teruggestuurd markeren kan nu alleen met de beheerderspincode.',
    'store.leftovers.beforeLastDay':
      'De laatste afhaaldag is {lastDay}: tot dan kunnen leraren hun kaart nog komen halen. Vroeger markeren als teruggestuurd kan alleen met de beheerderspincode.',
    'store.purge.noLastDay':
      'Er is nog geen laatste afhaaldag bekend, dus ook geen einde van de bewaartermijn. Er is niets gewist.',
    'store.purge.tooEarly':
      'Persoonsgegevens worden bewaard tot {retentionDays} dagen na de laatste afhaaldag ({lastDay}). Wissen kan vanaf {firstAllowedDay}; er is niets gewist.',
  },
  {
    'store.dbNewer':
      'This database comes from a newer version of Lerarenkaart Balie (schema {found}; this version knows up to {supported}). Install the latest version; the database was not changed.',
    'store.dbForeign': '{path} is not a Lerarenkaart Balie database; nothing was changed.',
    'store.dbUnreadable': 'The database {path} cannot be opened ({detail}).',
    'store.notInitialized':
      'This installation has not been set up for a distribution point yet. First run: balie init --point POINT-ID --name "Point name" --issuer-key issuer.pub.pem',
    'store.invalidPointId':
      '"{value}" is not a valid point id: use capitals, digits and hyphens, like BIB-GENT.',
    'store.invalidIssuerKey':
      'The issuer key is not a valid Ed25519 public key (PEM). Ask the issuer for the right .pub.pem file.',
    'store.pointHasData':
      'This database already belongs to point {current} and holds cards; setting another point would mix data. Use a new database (--db).',
    'store.unreadableFile': 'The file {path} cannot be read ({detail}).',
    'store.full':
      "This PC's disk is full: the package was not imported and nothing was changed. Free up space (or call IT) and import it again.",
    'store.busy':
      'Another desk is holding the database: the package was not imported and nothing was changed. Try again in a moment.',
    'store.restore.backupUnreadable': 'The backup {path} cannot be read ({detail}); nothing was changed.',
    'store.restore.notABalieDb': '{path} is not a Lerarenkaart Balie backup; nothing was changed.',
    'store.restore.dbNewer':
      'This backup comes from a newer version of Lerarenkaart Balie (schema {found}; this version knows up to {supported}). Install the latest version first; nothing was changed.',
    'store.restore.dbCorrupt':
      'The backup {path} is damaged ({detail}); nothing was changed. Choose another backup.',
    'store.restore.targetForeign':
      "{path} is another program's database; it will not be overwritten. Choose another path (--db).",
    'store.restore.storeInUse':
      'The database {path} is still open (by the app or another command). Close Lerarenkaart Balie on every desk and try again; nothing was changed.',
    'store.restore.pointMismatch':
      'This backup belongs to point {backupPoint}, this installation to {currentPoint}. Nothing was changed; use --other-point if this is really intended.',
    'store.restore.pointNotSet': '(not set)',
    'store.restore.io': 'Restore failed while writing ({detail}); the current database was not changed.',
    'store.leftovers.noLastDay':
      'No last collection day is known yet; marking cards as returned now needs the admin PIN.',
    'store.leftovers.beforeLastDay':
      'The last collection day is {lastDay}: until then teachers can still collect their card. Marking as returned earlier needs the admin PIN.',
    'store.purge.noLastDay':
      'No last collection day is known yet, so no end of the retention period either. Nothing was erased.',
    'store.purge.tooEarly':
      'Personal data is kept until {retentionDays} days after the last collection day ({lastDay}). Erasing is possible from {firstAllowedDay}; nothing was erased.',
  },
);
