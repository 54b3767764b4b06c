import { defineTexts } from '../catalogue';

/** The issuer's check of pickup reports: verify and aggregate (keys start with 'report.'). */
export const reportTexts = defineTexts(
  {
    'report.refusal.malformed_json': 'het bestand is geen geldige JSON',
    'report.refusal.malformed_envelope': 'het bestand is geen geldige ondertekende envelop (DSSE)',
    'report.refusal.wrong_payload_type': 'dit is geen afhaalrapport (ander payloadType)',
    'report.refusal.wrong_format': 'onbekend rapportformaat, verwacht lerarenkaart-report/1',
    'report.refusal.malformed_payload': 'de inhoud van het rapport is ongeldig',
    'report.refusal.unknown_point': 'het afhaalpunt is niet aangemeld (geen publieke sleutel)',
    'report.refusal.keyid_not_enrolled':
      'ondertekend met een sleutel die niet voor dit afhaalpunt is aangemeld',
    'report.refusal.bad_signature': 'de handtekening klopt niet',
    'report.refused': '{file}: geweigerd — {reason}',
    'report.skipped': '{file}: overgeslagen — {reason}',
    'report.gap.one': '{pointId}: rapport {from} ontbreekt.',
    'report.gap.range': '{pointId}: rapporten {from} tot en met {to} ontbreken.',
    'report.conflict': '{pointId}: verschillende rapporten met volgnummer {sequence} ({files}).',
    'report.chain.broken': 'de keten is gebroken',
    'report.chain.mismatch':
      '{pointId}: rapport {sequence} ({file}) verwijst niet naar rapport {previous} — {broken}.',
    'report.chain.first_has_previous':
      '{pointId}: rapport 1 ({file}) verwijst naar een vorig rapport — {broken}.',
    'report.chain.previous_missing':
      '{pointId}: rapport {sequence} ({file}) verwijst naar geen vorig rapport — {broken}.',
    'report.enrolment.unreadable': 'kan niet gelezen worden',
    'report.enrolment.bad_name': 'de bestandsnaam noemt geen afhaalpunt (<pointId>.pub.pem)',
    'report.enrolment.not_a_public_key': 'is geen publieke sleutel in PEM',
    'report.enrolment.private_key':
      'bevat een PRIVÉSLEUTEL — die hoort hier niet en moet op de balie blijven',
    'report.enrolment.not_ed25519': 'is geen Ed25519-sleutel',
    'report.audit.here': '{pointId}: rapport {sequence} ({file})',
    'report.audit.there': 'rapport {sequence} ({file})',
    'report.audit.seq_backwards':
      '{here} — het auditlog gaat achteruit binnen auditbereik {epoch}: regel {seq}, terwijl {there} al regel {previousSeq} droeg (ingekort of gesplitst).',
    'report.audit.epoch_backwards':
      '{here} — het auditbereik gaat achteruit: {epoch}, terwijl {there} al in bereik {previousEpoch} zat.',
    'report.audit.epoch_undeclared':
      '{here} — nieuw auditbereik {epoch} (na {previousEpoch} in {there}) zonder reden (terugzetten, overdracht of jaarovergang).',
    'report.older': {
      one: '{pointId}: {count} ouder rapport van {cardYear} niet meegeteld ({list}); het nieuwste is rapport {newest} ({file}).',
      other:
        '{pointId}: {count} oudere rapporten van {cardYear} niet meegeteld ({list}); het nieuwste is rapport {newest} ({file}).',
    },
    'report.otherYears':
      'Kaartjaar {cardYear} samengeteld; rapporten van {others} niet meegeteld (kies een jaar met --card-year).',
  },
  {
    'report.refusal.malformed_json': 'the file is not valid JSON',
    'report.refusal.malformed_envelope': 'the file is not a valid signed envelope (DSSE)',
    'report.refusal.wrong_payload_type': 'this is not a pickup report (different payloadType)',
    'report.refusal.wrong_format': 'unknown report format, expected lerarenkaart-report/1',
    'report.refusal.malformed_payload': 'the contents of the report are invalid',
    'report.refusal.unknown_point': 'the distribution point is not enrolled (no public key)',
    'report.refusal.keyid_not_enrolled': 'signed with a key that is not enrolled for this distribution point',
    'report.refusal.bad_signature': 'the signature does not verify',
    'report.refused': '{file}: refused — {reason}',
    'report.skipped': '{file}: skipped — {reason}',
    'report.gap.one': '{pointId}: report {from} is missing.',
    'report.gap.range': '{pointId}: reports {from} to {to} are missing.',
    'report.conflict': '{pointId}: different reports with sequence {sequence} ({files}).',
    'report.chain.broken': 'the chain is broken',
    'report.chain.mismatch':
      '{pointId}: report {sequence} ({file}) does not refer to report {previous} — {broken}.',
    'report.chain.first_has_previous': '{pointId}: report 1 ({file}) refers to a previous report — {broken}.',
    'report.chain.previous_missing':
      '{pointId}: report {sequence} ({file}) refers to no previous report — {broken}.',
    'report.enrolment.unreadable': 'cannot be read',
    'report.enrolment.bad_name': 'the file name names no point (<pointId>.pub.pem)',
    'report.enrolment.not_a_public_key': 'is not a public key in PEM',
    'report.enrolment.private_key': 'holds a PRIVATE key — it does not belong here and must stay at the desk',
    'report.enrolment.not_ed25519': 'is not an Ed25519 key',
    'report.audit.here': '{pointId}: report {sequence} ({file})',
    'report.audit.there': 'report {sequence} ({file})',
    'report.audit.seq_backwards':
      '{here} — the audit log goes backwards within epoch {epoch}: entry {seq}, while {there} already carried entry {previousSeq} (cut short or forked).',
    'report.audit.epoch_backwards':
      '{here} — the audit epoch goes backwards: {epoch}, while {there} was already in epoch {previousEpoch}.',
    'report.audit.epoch_undeclared':
      '{here} — new audit epoch {epoch} (after {previousEpoch} in {there}) without a reason (restore, handover or year rollover).',
    'report.older': {
      one: '{pointId}: {count} older report of {cardYear} not counted ({list}); the newest is report {newest} ({file}).',
      other:
        '{pointId}: {count} older reports of {cardYear} not counted ({list}); the newest is report {newest} ({file}).',
    },
    'report.otherYears':
      'Card year {cardYear} merged; reports of {others} not counted (choose a year with --card-year).',
  },
);
