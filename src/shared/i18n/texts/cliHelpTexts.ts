import { defineTexts } from './catalogue';

/**
 * The usage line and one-line summary of every CLI command (keys 'cli.cmd.<command>.usage' and
 * '.summary'), as `balie --help` and `balie <command> --help` print them. The CLI speaks Dutch;
 * English is kept in step so a key or placeholder cannot drift.
 */
export const cliHelpTexts = defineTexts(
  {
    'cli.cmd.admin-pin.usage': 'admin-pin --new PIN [--current PIN]',
    'cli.cmd.admin-pin.summary': 'stel de beheerderspincode in of wijzig ze (6 tot 12 cijfers)',
    'cli.cmd.audit.usage': 'audit [verify] [--limit N]',
    'cli.cmd.audit.summary': 'toon het auditlog, of controleer de hashketen (verify)',
    'cli.cmd.backup.usage': 'backup [--out BESTAND.sqlite]',
    'cli.cmd.backup.summary': 'maak nu een back-up (standaard in de map backups naast de database)',
    'cli.cmd.demo-batch.usage':
      'demo-batch --point ID --cards N --out BESTAND.lkb [--key PEM] [--seed N] [--postcodes "9000 9030-9052"]',
    'cli.cmd.demo-batch.summary': 'maak een realistisch demopakket (testsleutel, nooit voor productie)',
    'cli.cmd.group.usage':
      'group (--collector STAMBOEKNR | --collector-name NAAM --collector-id-note ID) --staff NAAM --id-checked [--receipt BESTAND.pdf|.html] KAART...',
    'cli.cmd.group.summary':
      'groepsafhaling: één leerkracht haalt de kaarten van collega’s af (alles of niets)',
    'cli.cmd.handout.usage': 'handout KAART --staff NAAM --id-checked [--postcode PC] [--json]',
    'cli.cmd.handout.summary': 'geef één kaart af na controle van de identiteit',
    'cli.cmd.import.usage':
      'import BESTAND.lkb [--allow-unsigned] [--preview] [--json] [--admin-pin PIN of BALIE_ADMIN_PIN]',
    'cli.cmd.import.summary': 'lees een kaartpakket van de uitgever in (alles of niets)',
    'cli.cmd.init.usage': 'init --point ID --name NAAM --issuer-key BESTAND.pub.pem [--desk-name "Balie 1"]',
    'cli.cmd.init.summary': 'stel deze installatie in voor een afhaalpunt',
    'cli.cmd.keys.usage': 'keys [--export BESTAND.pub.pem] [--rotate --admin-pin PIN]',
    'cli.cmd.keys.summary': 'toon (of exporteer) de publieke sleutel van deze installatie en haar keyid',
    'cli.cmd.leftovers.usage':
      'leftovers [--csv BESTAND] [--json] [--mark-returned --staff NAAM [--admin-pin PIN]]',
    'cli.cmd.leftovers.summary':
      'niet afgehaalde kaarten: lijst voor de uitgever (zonder namen); --mark-returned vanaf de laatste dag, vroeger met pincode (of BALIE_ADMIN_PIN)',
    'cli.cmd.new-year.usage':
      'new-year --card-year JJJJ --report BESTAND.lkr.json --staff NAAM [--admin-pin PIN]',
    'cli.cmd.new-year.summary':
      'sluit het kaartjaar af (restkaarten terug, eindrapport, archief, nieuw auditbereik) en begin een nieuw; pincode (of {pinEnv})',
    'cli.cmd.purge.usage': 'purge --admin-pin PIN [--progress]',
    'cli.cmd.purge.summary':
      'wis namen en stamboeknummers na de bewaartermijn (pincode liever via {pinEnv}: niet zichtbaar in de proceslijst)',
    'cli.cmd.desk.usage':
      'desk serve --listen HOST:PORT [--json] | desk join URL --code NNN-NNN [--name NAAM] | desk status --json | desk anomalies [--json] [--resolve KAART --note TEKST --staff NAAM] | desk revoke NAAM | desk handover --to NAAM | desk takeover | desk unpair [--force] [--json]',
    'cli.cmd.desk.summary': 'meerdere balies op één punt: synchroniseren, koppelen, status, dubbele afgiftes',
    'cli.cmd.release.usage':
      'release sign-feed FILE --key RELEASE_KEY.pem [--staging PCT] [--expires-days N]',
    'cli.cmd.release.summary': 'onderteken de updatefeed (latest.yml) voor de releasejob',
    'cli.cmd.report.usage': 'report --out BESTAND.lkr.json [--json]',
    'cli.cmd.report.summary': 'maak het ondertekende afhaalrapport voor de uitgever (zonder namen)',
    'cli.cmd.restore.usage': 'restore BESTAND.sqlite [--other-point] [--progress]',
    'cli.cmd.restore.summary':
      'zet een back-up terug (eerst wordt de huidige toestand bewaard); sluit eerst de app',
    'cli.cmd.search.usage': 'search ZOEKTERM [--limit N] [--json]',
    'cli.cmd.search.summary': 'zoek op kaartnummer, stamboeknummer, postcode, school of naam',
    'cli.cmd.settings.usage':
      'settings [--last-day JJJJ-MM-DD|none] [--staff "An,Bram"] [--max-group-size N] [--retention-days N] [--desk-name NAAM] [--admin-pin PIN]',
    'cli.cmd.settings.summary': 'toon of wijzig de instellingen van het punt (wijzigen: beheerderspincode)',
    'cli.cmd.stats.usage': 'stats [--json]',
    'cli.cmd.stats.summary': 'totalen en afhalingen per postcode',
    'cli.cmd.update.usage':
      'update check --feed URL [--json] [--platform win32|darwin|linux] [--current X.Y.Z] [--machine-id UUID]',
    'cli.cmd.update.summary':
      'controleer de ondertekende updatefeed zoals de balie het doet (zonder te installeren)',
    'cli.cmd.verify.usage':
      'verify BESTAND.lkr.json... --keys MAP [--card-year JJJJ] [--allow-conflicts] [--json]',
    'cli.cmd.verify.summary':
      'controleer afhaalrapporten tegen de ingeschreven sleutels en hun keten (voor de uitgever)',
    'cli.cmd.aggregate.usage':
      'aggregate --keys MAP BESTAND.lkr.json... [--by province|point|postcode] [--format table|csv|json|html|pdf] [--out BESTAND] [--stale-days N] [--card-year JJJJ] [--allow-conflicts]',
    'cli.cmd.aggregate.summary':
      'voeg rapporten samen: % afgehaald per provincie, punt of postcode (weigert een gebroken keten)',
    'cli.cmd.void.usage': 'void KAART --reason TEKST --staff NAAM [--admin-pin PIN of BALIE_ADMIN_PIN]',
    'cli.cmd.void.summary': 'annuleer een afgifte (een annulatie, nooit een wissing)',
  },
  {
    'cli.cmd.admin-pin.usage': 'admin-pin --new PIN [--current PIN]',
    'cli.cmd.admin-pin.summary': 'set or change the admin PIN (6 to 12 digits)',
    'cli.cmd.audit.usage': 'audit [verify] [--limit N]',
    'cli.cmd.audit.summary': 'show the audit log, or check its hash chain (verify)',
    'cli.cmd.backup.usage': 'backup [--out FILE.sqlite]',
    'cli.cmd.backup.summary': 'make a backup now (by default in the backups folder next to the database)',
    'cli.cmd.demo-batch.usage':
      'demo-batch --point ID --cards N --out FILE.lkb [--key PEM] [--seed N] [--postcodes "9000 9030-9052"]',
    'cli.cmd.demo-batch.summary': 'make a realistic demo package (test key, never for production)',
    'cli.cmd.group.usage':
      'group (--collector STAMBOEKNR | --collector-name NAME --collector-id-note ID) --staff NAME --id-checked [--receipt FILE.pdf|.html] CARD...',
    'cli.cmd.group.summary':
      'group collection: one teacher collects the cards of colleagues (all or nothing)',
    'cli.cmd.handout.usage': 'handout CARD --staff NAME --id-checked [--postcode PC] [--json]',
    'cli.cmd.handout.summary': 'hand out one card after checking the identity',
    'cli.cmd.import.usage':
      'import FILE.lkb [--allow-unsigned] [--preview] [--json] [--admin-pin PIN or BALIE_ADMIN_PIN]',
    'cli.cmd.import.summary': 'import a card package from the issuer (all or nothing)',
    'cli.cmd.init.usage': 'init --point ID --name NAME --issuer-key FILE.pub.pem [--desk-name "Balie 1"]',
    'cli.cmd.init.summary': 'set up this installation for a collection point',
    'cli.cmd.keys.usage': 'keys [--export FILE.pub.pem] [--rotate --admin-pin PIN]',
    'cli.cmd.keys.summary': "show (or export) this installation's public key and its keyid",
    'cli.cmd.leftovers.usage':
      'leftovers [--csv FILE] [--json] [--mark-returned --staff NAME [--admin-pin PIN]]',
    'cli.cmd.leftovers.summary':
      'cards not collected: list for the issuer (without names); --mark-returned from the last day, earlier with the PIN (or BALIE_ADMIN_PIN)',
    'cli.cmd.new-year.usage':
      'new-year --card-year YYYY --report FILE.lkr.json --staff NAME [--admin-pin PIN]',
    'cli.cmd.new-year.summary':
      'close the card year (leftover cards back, final report, archive, new audit range) and start a new one; PIN (or {pinEnv})',
    'cli.cmd.purge.usage': 'purge --admin-pin PIN [--progress]',
    'cli.cmd.purge.summary':
      'erase names and stamboeknummers after the retention period (PIN preferably through {pinEnv}: not visible in the process list)',
    'cli.cmd.desk.usage':
      'desk serve --listen HOST:PORT [--json] | desk join URL --code NNN-NNN [--name NAME] | desk status --json | desk anomalies [--json] [--resolve CARD --note TEXT --staff NAME] | desk revoke NAME | desk handover --to NAME | desk takeover | desk unpair [--force] [--json]',
    'cli.cmd.desk.summary': 'several desks at one point: sync, pairing, status, double hand-outs',
    'cli.cmd.release.usage':
      'release sign-feed FILE --key RELEASE_KEY.pem [--staging PCT] [--expires-days N]',
    'cli.cmd.release.summary': 'sign the update feed (latest.yml) for the release job',
    'cli.cmd.report.usage': 'report --out FILE.lkr.json [--json]',
    'cli.cmd.report.summary': 'make the signed collection report for the issuer (without names)',
    'cli.cmd.restore.usage': 'restore FILE.sqlite [--other-point] [--progress]',
    'cli.cmd.restore.summary': 'restore a backup (the current state is saved first); close the app first',
    'cli.cmd.search.usage': 'search TERM [--limit N] [--json]',
    'cli.cmd.search.summary': 'search by card number, stamboeknummer, postcode, school or name',
    'cli.cmd.settings.usage':
      'settings [--last-day YYYY-MM-DD|none] [--staff "An,Bram"] [--max-group-size N] [--retention-days N] [--desk-name NAME] [--admin-pin PIN]',
    'cli.cmd.settings.summary': "show or change the point's settings (changing: admin PIN)",
    'cli.cmd.stats.usage': 'stats [--json]',
    'cli.cmd.stats.summary': 'totals and collections per postcode',
    'cli.cmd.update.usage':
      'update check --feed URL [--json] [--platform win32|darwin|linux] [--current X.Y.Z] [--machine-id UUID]',
    'cli.cmd.update.summary': 'check the signed update feed as the desk does (without installing)',
    'cli.cmd.verify.usage':
      'verify FILE.lkr.json... --keys FOLDER [--card-year YYYY] [--allow-conflicts] [--json]',
    'cli.cmd.verify.summary':
      'check collection reports against the enrolled keys and their chain (for the issuer)',
    'cli.cmd.aggregate.usage':
      'aggregate --keys FOLDER FILE.lkr.json... [--by province|point|postcode] [--format table|csv|json|html|pdf] [--out FILE] [--stale-days N] [--card-year YYYY] [--allow-conflicts]',
    'cli.cmd.aggregate.summary':
      'merge reports: % collected per province, point or postcode (refuses a broken chain)',
    'cli.cmd.void.usage': 'void CARD --reason TEXT --staff NAME [--admin-pin PIN or BALIE_ADMIN_PIN]',
    'cli.cmd.void.summary': 'cancel a hand-out (a cancellation, never an erasure)',
  },
);
