import { defineTexts } from './catalogue';

/** Several desks at one point: the header, Beheer → Balies, the CLI (keys start with 'point.'). */
export const pointTexts = defineTexts(
  {
    'point.online': { one: 'Online met {count} andere balie', other: 'Online met {count} andere balies' },
    'point.offline': 'Offline sinds {time}: deze balie werkt alleen verder',
    'point.offlineNever': 'Offline: de hostbalie antwoordt niet',
    'point.scanTheCard': 'Scan de kaart die je meegeeft: zo ziet de balie een dubbele afgifte, ook offline.',
    'point.clockDrift':
      'De klok van deze pc wijkt {minutes} minuten af van de hostbalie. Laat IT de tijd instellen: de termijn wordt op de datum van deze pc gecontroleerd.',
    'point.updateNeeded':
      'Deze balie en {desk} hebben een andere versie van het balieprotocol: update nodig.',
    'point.anomalies': {
      one: '{count} dubbele afgifte te bekijken',
      other: '{count} dubbele afgiftes te bekijken',
    },
    'point.anomalies.allResolved': {
      one: '{count} dubbele afgifte, afgehandeld',
      other: '{count} dubbele afgiftes, alle afgehandeld',
    },
    'point.anomaly.what':
      'Kaart {card} werd twee keer afgegeven: eerst aan {keptDesk} ({keptStaff}, {keptAt}), daarna aan {otherDesk} ({otherStaff}, {otherAt}) terwijl de balies elkaar niet bereikten.',
    'point.anomaly.todo':
      'Wat te doen: de eerste afgifte telt. Bel de leraar van de tweede afgifte of kijk of er echt twee kaarten meegingen, en noteer wat je vaststelde.',
    'point.anomaly.resolved': 'Afgehandeld door {staff} op {at}: {note}',
    'point.anomaly.note': 'Wat stelde je vast?',
    'point.anomaly.resolve': 'Markeer als afgehandeld',
    'point.refused.notHost': 'Dit kan alleen op de hostbalie ({host}).',
    'point.refused.storeExists':
      'Er bestaat al een database op {path}. Een balie koppelen kan alleen met een nieuw, leeg bestand.',
    'point.refused.badUrl': 'Geen geldig adres van de hostbalie: {url} (verwacht: https://HOST:POORT).',
    'point.refused.badName': 'Geef de balie een naam van 1 tot 40 letters, cijfers of spaties.',
    'point.refused.unreachable':
      'De hostbalie is niet bereikbaar. Controleer het adres en of de app (of "balie desk serve") op de hostbalie draait. Er is niets gewijzigd.',
    'point.refused.hostNotPinned':
      'De hostbalie toonde een ander certificaat dan verwacht. Koppelen geweigerd.',
    'point.refused.pairingClosed': 'De hostbalie heeft geen geldige koppelcode open. Vraag een nieuwe code.',
    'point.refused.wrongCode': 'Verkeerde koppelcode.',
    'point.refused.codeExpired': 'De koppelcode is verlopen. Vraag een nieuwe code op de hostbalie.',
    'point.refused.tooManyAttempts':
      'Te veel verkeerde pogingen met deze code. Vraag een nieuwe code op de hostbalie.',
    'point.refused.noCode': 'De hostbalie heeft geen koppelcode open. Vraag een nieuwe code.',
    'point.refused.version': 'De hostbalie heeft een andere versie van het balieprotocol: update nodig.',
    'point.refused.hostNotProven': 'De hostbalie kon de koppelcode niet bewijzen. Koppelen geweigerd.',
    'point.refused.transferFailed':
      'De gegevens van de hostbalie kwamen niet volledig over. Er is niets bewaard; probeer opnieuw.',
    'point.refused.unknownDesk': 'Geen gekoppelde balie met de naam {name}.',
    'point.refused.syncUnavailable':
      'De synchronisatie van deze balie kon niet starten (poort bezet of geblokkeerd). Vraag IT de poort en de firewallregel na te kijken.',
    'point.desks.title': 'Balies van dit punt',
    'point.desks.intro':
      'Meerdere balies op één punt werken elk met een eigen kopie en synchroniseren over het netwerk. Een nieuwe balie koppelt met de code van de hostbalie: in haar eigen Beheer → Balies ("Koppel aan een bestaande hostbalie") of met "balie desk join ADRES --code CODE".',
    'point.desks.none': 'Nog geen andere balies gekoppeld.',
    'point.desks.pair': 'Toon een koppelcode',
    'point.desks.code':
      'Koppelcode {code}, 10 minuten geldig. Adres {url}. Vingerafdruk van deze balie: {fingerprint}.',
    'point.desks.name': 'Balie',
    'point.desks.state': 'Toestand',
    'point.desks.lastSync': 'Laatst gesynchroniseerd',
    'point.desks.lag': 'Nog te ontvangen',
    'point.desks.host': 'host',
    'point.desks.online': 'online',
    'point.desks.offline': 'offline',
    'point.desks.revokedState': 'ingetrokken',
    'point.desks.revoke': 'Trek {name} in',
    'point.desks.caption': 'Gekoppelde balies met hun toestand',
    'point.refused.anomalyNotFound': 'Geen open dubbele afgifte voor kaart {card}.',
    'point.refused.noteRequired': 'Schrijf in een notitie wat je vaststelde (1 tot 500 tekens).',
    'point.joined':
      'Gekoppeld aan punt {pointId}: {cards} kaarten en {events} afgiftes overgenomen. Start nu "balie desk serve".',
    'point.serving': 'Synchronisatie luistert op {url}. Vingerafdruk: {fingerprint}.',
    'point.code': 'Koppelcode: {code} (10 minuten geldig).',
    'point.revoked':
      'Balie {name} is ingetrokken: ze krijgt geen verbinding meer. Haar schijf bevat nog gegevens.',
    'point.handedOver':
      '{name} is nu de hostbalie, met de sleutel van dit punt ({keyId}). Deze balie werkt verder als gewone balie.',
    'point.tookOver':
      'Deze balie is nu de hostbalie, met een nieuwe sleutel ({keyId}). Laat de uitgever de nieuwe publieke sleutel inschrijven als {enrolAs} (balie keys --export).',
    'point.refused.alreadyHost': 'Deze balie is al de hostbalie.',
    'point.refused.deskUnreachable': 'Balie {name} is niet bereikbaar. Draait haar synchronisatie?',
    'point.refused.unpairOnHost':
      'Dit is de hostbalie: die kan niet ontkoppeld worden. Draag eerst de hostrol over aan een andere balie (Beheer → Balies of "balie desk handover --to NAAM"). Er is niets gewijzigd.',
    'point.refused.storeInUse':
      'De gegevens van deze balie zijn nog open in een ander programma (de app of "balie desk serve"). Sluit dat eerst. Er is niets gewijzigd.',
    'point.refused.unpairHostUnreachable':
      'De hostbalie ({host}) antwoordt niet: ze kan niet horen dat deze balie vertrekt. Er is niets gewijzigd. Probeer opnieuw als de host bereikbaar is, of wis toch (--force) en trek deze balie daarna in op de host.',
    'point.unpaired':
      'Deze balie is ontkoppeld van {host} en haar kopie is gewist ({count} bestanden en mappen). De hostbalie bewaart alles.',
    'point.unpairedForced':
      'De kopie van deze balie is gewist ({count} bestanden en mappen), maar de hostbalie ({host}) weet het nog niet: trek deze balie in op de host (Beheer → Balies → "Trek … in" of "balie desk revoke NAAM").',
    'point.desks.unpairedState': 'ontkoppeld, kopie gewist',
    'point.unpair.title': 'Ontkoppel deze balie',
    'point.unpair.intro':
      'Deze pc verlaat het punt. De hostbalie ({host}) hoort het eerst en weigert deze balie daarna; dan worden alle gegevens van het punt op deze pc gewist: de database, de back-ups, het archief, de rapporten en de sleutels. De hostbalie bewaart alles.',
    'point.unpair.pin': 'Beheerderspincode ter bevestiging',
    'point.unpair.button': 'Ontkoppel deze balie',
    'point.unpair.force': 'Wis toch, zonder de hostbalie',
    'point.unpair.hostUnreachable':
      'De hostbalie ({host}) antwoordt niet: ze kan niet horen dat deze balie vertrekt. Er is niets gewijzigd. Probeer opnieuw als de host bereikbaar is, of wis toch en trek deze balie daarna in op de host.',
    'point.unpair.doneTitle': 'Deze balie is ontkoppeld',
    'point.unpair.closeApp':
      'Sluit de app. Bij de volgende start is dit een nieuwe pc: koppel ze opnieuw of begin als nieuw punt.',
    'point.refused.handoverRefused':
      'Balie {name} weigerde de overdracht (ze mist nog gegevens of is niet gekoppeld aan deze host). Probeer opnieuw.',
    'point.refused.otherPoint':
      'De hostbalie hoort bij punt {found}, maar deze pc is ingesteld voor punt {expected} (beheersinstellingen). Gegevens van twee punten worden nooit gemengd: er is niets gewijzigd.',
    'point.refused.storeNotEmpty':
      'Deze balie bevat al gegevens (een batch, afgiftes, rapporten of een koppeling): ze kan niet meer aan een andere hostbalie gekoppeld worden. Er is niets gewijzigd.',
    'point.join.title': 'Koppel aan een bestaande hostbalie',
    'point.join.intro':
      'Deze pc bevat nog niets. Vraag op de hostbalie een koppelcode (Beheer → Balies → "Toon een koppelcode") en vul hier het adres en de code in die ze toont. Deze balie krijgt dan de instellingen, batches, kaarten en afgiftes van het punt; de pincode en de medewerkers zijn daarna die van de host.',
    'point.join.url': 'Adres van de hostbalie (https://HOST:POORT)',
    'point.join.code': 'Koppelcode (NNN-NNN)',
    'point.join.name': 'Naam van deze balie',
    'point.join.pin': 'Beheerderspincode ter bevestiging',
    'point.join.button': 'Koppel aan de hostbalie',
    'point.join.busy': 'Bezig met koppelen en de gegevens van de host over te nemen…',
    'point.join.done':
      'Gekoppeld aan punt {pointId}: {cards} kaarten en {events} afgiftes overgenomen. Deze balie synchroniseert nu met de hostbalie. Ontgrendel Beheer opnieuw met de pincode van het punt.',
    'point.quit.button': 'Sluit de app',
    'point.quit.done': 'De app is gesloten. Je kan dit venster sluiten.',
    'point.refused.notUnpaired': 'De app sluit zo alleen na het ontkoppelen.',
    'point.refused.quitUnavailable':
      'Sluit het venster zelf: deze versie van de app kan zichzelf niet sluiten.',
    'point.refused.handoverBehind':
      'Balie {name} heeft nog niet alle gegevens van deze host: de overdracht wacht daarop en is na 10 seconden gestopt. Er is niets gewijzigd. Probeer opnieuw als ze bij is (kolom "Nog te ontvangen").',
    'point.role.host': 'Hostbalie',
    'point.role.desk': 'Host: {host}',
    'point.role.thisIsHost':
      'Deze balie is de hostbalie van het punt: ze voert de imports uit en maakt de rapporten.',
    'point.role.thisIsDesk': 'Deze balie werkt met de hostbalie {host}.',
    'point.handover.title': 'Draag de hostrol over',
    'point.handover.intro':
      'De sleutel van dit punt en de rapporten gaan naar de gekozen balie: zij wordt de hostbalie (imports, rapporten, koppelcodes) en deze pc wordt een gewone balie. De andere balie moet aan staan en alle gegevens hebben. De overdracht komt in het logboek van beide balies.',
    'point.handover.to': 'Nieuwe hostbalie',
    'point.handover.pin': 'Beheerderspincode ter bevestiging',
    'point.handover.button': 'Draag de hostrol over aan {name}',
    'point.handover.none': 'Er is nog geen andere gekoppelde balie om de hostrol aan over te dragen.',
    'point.takeover.title': 'Neem de hostrol over (de hostbalie is stuk)',
    'point.takeover.intro':
      'Alleen als de hostbalie ({host}) definitief stuk of weg is. Deze balie wordt de hostbalie met een NIEUWE sleutel: de uitgever aanvaardt rapporten van dit punt pas als de beheerder die nieuwe publieke sleutel bij de uitgever laat inschrijven. Start de oude host daarna niet meer als host: ze ziet de nieuwe host en wordt een gewone balie.',
    'point.takeover.pin': 'Beheerderspincode ter bevestiging',
    'point.takeover.button': 'Neem de hostrol over',
    'point.takeover.fingerprint': 'Vingerafdruk van de nieuwe sleutel: SHA256:{keyId}',
  },
  {
    'point.online': { one: 'Online with {count} other desk', other: 'Online with {count} other desks' },
    'point.offline': 'Offline since {time}: this desk carries on alone',
    'point.offlineNever': 'Offline: the host desk does not answer',
    'point.scanTheCard':
      'Scan the card you hand over: that is how the desk sees a double hand-out, also offline.',
    'point.clockDrift':
      "This PC's clock differs {minutes} minutes from the host desk. Ask IT to set the time: the deadline is checked against this PC's date.",
    'point.updateNeeded': 'This desk and {desk} speak another version of the desk protocol: update needed.',
    'point.anomalies': {
      one: '{count} double hand-out to review',
      other: '{count} double hand-outs to review',
    },
    'point.anomalies.allResolved': {
      one: '{count} double hand-out, resolved',
      other: '{count} double hand-outs, all resolved',
    },
    'point.anomaly.what':
      'Card {card} was handed out twice: first at {keptDesk} ({keptStaff}, {keptAt}), then at {otherDesk} ({otherStaff}, {otherAt}) while the desks could not reach each other.',
    'point.anomaly.todo':
      'What to do: the first hand-out counts. Call the teacher of the second one or check whether two cards really went out, and note what you found.',
    'point.anomaly.resolved': 'Resolved by {staff} on {at}: {note}',
    'point.anomaly.note': 'What did you find?',
    'point.anomaly.resolve': 'Mark as resolved',
    'point.refused.notHost': 'This can only be done on the host desk ({host}).',
    'point.refused.storeExists': 'A database already exists at {path}. Pairing needs a new, empty file.',
    'point.refused.badUrl': 'Not a valid host desk address: {url} (expected: https://HOST:PORT).',
    'point.refused.badName': 'Give the desk a name of 1 to 40 letters, digits or spaces.',
    'point.refused.unreachable':
      'The host desk cannot be reached. Check the address and that the app (or "balie desk serve") runs on the host desk. Nothing changed.',
    'point.refused.hostNotPinned': 'The host desk showed another certificate than expected. Pairing refused.',
    'point.refused.pairingClosed': 'The host desk has no valid pairing code open. Ask for a new code.',
    'point.refused.wrongCode': 'Wrong pairing code.',
    'point.refused.codeExpired': 'The pairing code has expired. Ask for a new code on the host desk.',
    'point.refused.tooManyAttempts':
      'Too many wrong attempts with this code. Ask for a new code on the host desk.',
    'point.refused.noCode': 'The host desk has no pairing code open. Ask for a new code.',
    'point.refused.version': 'The host desk speaks another version of the desk protocol: update needed.',
    'point.refused.hostNotProven': 'The host desk could not prove the pairing code. Pairing refused.',
    'point.refused.transferFailed':
      "The host desk's data did not come over completely. Nothing was kept; try again.",
    'point.refused.unknownDesk': 'No paired desk named {name}.',
    'point.refused.syncUnavailable':
      "This desk's sync could not start (port in use or blocked). Ask IT to check the port and the firewall rule.",
    'point.desks.title': 'Desks of this point',
    'point.desks.intro':
      'Several desks at one point each work on their own copy and sync over the network. A new desk pairs with the host desk\'s code: in its own Beheer → Desks ("Pair with an existing host desk") or with "balie desk join ADDRESS --code CODE".',
    'point.desks.none': 'No other desks paired yet.',
    'point.desks.pair': 'Show a pairing code',
    'point.desks.code':
      'Pairing code {code}, valid for 10 minutes. Address {url}. Fingerprint of this desk: {fingerprint}.',
    'point.desks.name': 'Desk',
    'point.desks.state': 'State',
    'point.desks.lastSync': 'Last synced',
    'point.desks.lag': 'Still to receive',
    'point.desks.host': 'host',
    'point.desks.online': 'online',
    'point.desks.offline': 'offline',
    'point.desks.revokedState': 'revoked',
    'point.desks.revoke': 'Revoke {name}',
    'point.desks.caption': 'Paired desks and their state',
    'point.refused.anomalyNotFound': 'No open double hand-out for card {card}.',
    'point.refused.noteRequired': 'Write a note of what you found (1 to 500 characters).',
    'point.joined':
      'Paired with point {pointId}: {cards} cards and {events} hand-outs taken over. Now start "balie desk serve".',
    'point.serving': 'Sync listens on {url}. Fingerprint: {fingerprint}.',
    'point.code': 'Pairing code: {code} (valid for 10 minutes).',
    'point.revoked': 'Desk {name} is revoked: it gets no connection any more. Its disk still holds data.',
    'point.handedOver':
      "{name} is now the host desk, with this point's key ({keyId}). This desk carries on as an ordinary desk.",
    'point.tookOver':
      'This desk is now the host desk, with a new key ({keyId}). Have the issuer enrol the new public key as {enrolAs} (balie keys --export).',
    'point.refused.alreadyHost': 'This desk is already the host desk.',
    'point.refused.deskUnreachable': 'Desk {name} cannot be reached. Is its sync running?',
    'point.refused.unpairOnHost':
      'This is the host desk: it cannot be unpaired. Hand the host role over to another desk first (Beheer → Desks or "balie desk handover --to NAME"). Nothing was changed.',
    'point.refused.storeInUse':
      'This desk\'s data is still open in another program (the app or "balie desk serve"). Close it first. Nothing was changed.',
    'point.refused.unpairHostUnreachable':
      'The host desk ({host}) does not answer: it cannot learn that this desk leaves. Nothing was changed. Try again when the host can be reached, or wipe anyway (--force) and then revoke this desk on the host.',
    'point.unpaired':
      'This desk is unpaired from {host} and its copy is wiped ({count} files and folders). The host desk keeps everything.',
    'point.unpairedForced':
      'This desk\'s copy is wiped ({count} files and folders), but the host desk ({host}) does not know yet: revoke this desk on the host (Beheer → Desks → "Revoke …" or "balie desk revoke NAME").',
    'point.desks.unpairedState': 'unpaired, copy wiped',
    'point.unpair.title': 'Unpair this desk',
    'point.unpair.intro':
      "This PC leaves the point. The host desk ({host}) hears it first and refuses this desk from then on; then all of the point's data on this PC is wiped: the database, the backups, the archive, the reports and the keys. The host desk keeps everything.",
    'point.unpair.pin': 'Admin PIN to confirm',
    'point.unpair.button': 'Unpair this desk',
    'point.unpair.force': 'Wipe anyway, without the host desk',
    'point.unpair.hostUnreachable':
      'The host desk ({host}) does not answer: it cannot learn that this desk leaves. Nothing was changed. Try again when the host can be reached, or wipe anyway and then revoke this desk on the host.',
    'point.unpair.doneTitle': 'This desk is unpaired',
    'point.unpair.closeApp':
      'Close the app. At the next start this is a new PC: pair it again or start as a new point.',
    'point.refused.handoverRefused':
      'Desk {name} refused the handover (it still lacks data or is not paired with this host). Try again.',
    'point.refused.otherPoint':
      "The host desk belongs to point {found}, but this PC is set up for point {expected} (machine policy). Two points' data are never mixed: nothing changed.",
    'point.refused.storeNotEmpty':
      'This desk already holds data (a batch, hand-outs, reports or a pairing): it can no longer be paired with another host desk. Nothing changed.',
    'point.join.title': 'Pair with an existing host desk',
    'point.join.intro':
      'This PC holds nothing yet. Ask for a pairing code on the host desk (Beheer → Desks → "Show a pairing code") and enter the address and code it shows. This desk then receives the point\'s settings, batches, cards and hand-outs; the PIN and the staff are the host\'s from then on.',
    'point.join.url': 'Address of the host desk (https://HOST:PORT)',
    'point.join.code': 'Pairing code (NNN-NNN)',
    'point.join.name': 'Name of this desk',
    'point.join.pin': 'Admin PIN to confirm',
    'point.join.button': 'Pair with the host desk',
    'point.join.busy': "Pairing and copying the host's data…",
    'point.join.done':
      "Paired with point {pointId}: {cards} cards and {events} hand-outs copied. This desk syncs with the host desk now. Unlock Beheer again with the point's PIN.",
    'point.quit.button': 'Close the app',
    'point.quit.done': 'The app is closed. You can close this window.',
    'point.refused.notUnpaired': 'The app closes this way only after unpairing.',
    'point.refused.quitUnavailable':
      'Close the window yourself: this version of the app cannot close itself.',
    'point.refused.handoverBehind':
      'Desk {name} does not have all of this host\'s data yet: the handover waited for it and stopped after 10 seconds. Nothing changed. Try again once it has caught up (column "Still to receive").',
    'point.role.host': 'Host desk',
    'point.role.desk': 'Host: {host}',
    'point.role.thisIsHost': "This desk is the point's host desk: it runs the imports and makes the reports.",
    'point.role.thisIsDesk': 'This desk works with the host desk {host}.',
    'point.handover.title': 'Hand over the host role',
    'point.handover.intro':
      "The point's key and the reports move to the chosen desk: it becomes the host desk (imports, reports, pairing codes) and this PC becomes an ordinary desk. The other desk must be running and have all the data. The handover is written to the audit log of both desks.",
    'point.handover.to': 'New host desk',
    'point.handover.pin': 'Admin PIN to confirm',
    'point.handover.button': 'Hand over the host role to {name}',
    'point.handover.none': 'There is no other paired desk yet to hand the host role to.',
    'point.takeover.title': 'Take over the host role (the host desk is broken)',
    'point.takeover.intro':
      "Only when the host desk ({host}) is broken or gone for good. This desk becomes the host desk with a NEW key: the issuer accepts this point's reports only once the admin has the new public key enrolled with the issuer. Do not start the old host as host afterwards: it sees the new host and becomes an ordinary desk.",
    'point.takeover.pin': 'Admin PIN to confirm',
    'point.takeover.button': 'Take over the host role',
    'point.takeover.fingerprint': "The new key's fingerprint: SHA256:{keyId}",
  },
);
