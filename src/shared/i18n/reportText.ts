import { assertNever } from '../result';
import type {
  AuditProblem,
  ChainBreak,
  OlderReports,
  SequenceConflict,
  SequenceGap,
} from '../report/aggregate';
import type { EnrolmentProblemReason, ReportRefusal } from '../report/reportPayload';

/** Messages for the issuer's report check, in Dutch (default) and English. */
export type ReportLang = 'nl' | 'en';

export function reportRefusalText(reason: ReportRefusal, lang: ReportLang = 'nl'): string {
  const nl = lang === 'nl';
  switch (reason) {
    case 'malformed_json':
      return nl ? 'het bestand is geen geldige JSON' : 'the file is not valid JSON';
    case 'malformed_envelope':
      return nl
        ? 'het bestand is geen geldige ondertekende envelop (DSSE)'
        : 'the file is not a valid signed envelope (DSSE)';
    case 'wrong_payload_type':
      return nl
        ? 'dit is geen afhaalrapport (ander payloadType)'
        : 'this is not a pickup report (different payloadType)';
    case 'wrong_format':
      return nl
        ? 'onbekend rapportformaat, verwacht lerarenkaart-report/1'
        : 'unknown report format, expected lerarenkaart-report/1';
    case 'malformed_payload':
      return nl ? 'de inhoud van het rapport is ongeldig' : 'the contents of the report are invalid';
    case 'unknown_point':
      return nl
        ? 'het afhaalpunt is niet aangemeld (geen publieke sleutel)'
        : 'the distribution point is not enrolled (no public key)';
    case 'keyid_not_enrolled':
      return nl
        ? 'ondertekend met een sleutel die niet voor dit afhaalpunt is aangemeld'
        : 'signed with a key that is not enrolled for this distribution point';
    case 'bad_signature':
      return nl ? 'de handtekening klopt niet' : 'the signature does not verify';
    default:
      return assertNever(reason);
  }
}

function withDetail(text: string, detail: string | undefined): string {
  return detail ? `${text} (${detail}).` : `${text}.`;
}

/** `rapport-gent-3.lkr.json: geweigerd — de handtekening klopt niet.` */
export function reportRefusedMessage(
  file: string,
  reason: ReportRefusal,
  lang: ReportLang = 'nl',
  detail?: string,
): string {
  return `${file}: ${lang === 'nl' ? 'geweigerd' : 'refused'} — ${withDetail(reportRefusalText(reason, lang), detail)}`;
}

/** `BIB-GENT: rapport 3 ontbreekt.` / `BIB-GENT: rapporten 3 tot en met 5 ontbreken.` */
export function sequenceGapMessage(gap: SequenceGap, lang: ReportLang = 'nl'): string {
  if (lang === 'nl')
    return gap.from === gap.to
      ? `${gap.pointId}: rapport ${gap.from} ontbreekt.`
      : `${gap.pointId}: rapporten ${gap.from} tot en met ${gap.to} ontbreken.`;
  return gap.from === gap.to
    ? `${gap.pointId}: report ${gap.from} is missing.`
    : `${gap.pointId}: reports ${gap.from} to ${gap.to} are missing.`;
}

export function sequenceConflictMessage(conflict: SequenceConflict, lang: ReportLang = 'nl'): string {
  const files = conflict.files.join(', ');
  return lang === 'nl'
    ? `${conflict.pointId}: verschillende rapporten met volgnummer ${conflict.sequence} (${files}).`
    : `${conflict.pointId}: different reports with sequence ${conflict.sequence} (${files}).`;
}

export function chainBreakMessage(chainBreak: ChainBreak, lang: ReportLang = 'nl'): string {
  const nl = lang === 'nl';
  const { pointId, sequence, file } = chainBreak;
  const broken = nl ? 'de keten is gebroken' : 'the chain is broken';
  switch (chainBreak.kind) {
    case 'mismatch':
      return nl
        ? `${pointId}: rapport ${sequence} (${file}) verwijst niet naar rapport ${sequence - 1} — ${broken}.`
        : `${pointId}: report ${sequence} (${file}) does not refer to report ${sequence - 1} — ${broken}.`;
    case 'first_has_previous':
      return nl
        ? `${pointId}: rapport 1 (${file}) verwijst naar een vorig rapport — ${broken}.`
        : `${pointId}: report 1 (${file}) refers to a previous report — ${broken}.`;
    case 'previous_missing':
      return nl
        ? `${pointId}: rapport ${sequence} (${file}) verwijst naar geen vorig rapport — ${broken}.`
        : `${pointId}: report ${sequence} (${file}) refers to no previous report — ${broken}.`;
    default:
      return assertNever(chainBreak);
  }
}

export function enrolmentProblemText(reason: EnrolmentProblemReason, lang: ReportLang = 'nl'): string {
  const nl = lang === 'nl';
  switch (reason) {
    case 'unreadable':
      return nl ? 'kan niet gelezen worden' : 'cannot be read';
    case 'bad_name':
      return nl
        ? 'de bestandsnaam noemt geen afhaalpunt (<pointId>.pub.pem)'
        : 'the file name names no point (<pointId>.pub.pem)';
    case 'not_a_public_key':
      return nl ? 'is geen publieke sleutel in PEM' : 'is not a public key in PEM';
    case 'private_key':
      return nl
        ? 'bevat een PRIVÉSLEUTEL — die hoort hier niet en moet op de balie blijven'
        : 'holds a PRIVATE key — it does not belong here and must stay at the desk';
    case 'not_ed25519':
      return nl ? 'is geen Ed25519-sleutel' : 'is not an Ed25519 key';
    default:
      return assertNever(reason);
  }
}

/** `BIB-GENT.pub.pem: overgeslagen — is geen Ed25519-sleutel (rsa).` */
export function enrolmentProblemMessage(
  file: string,
  reason: EnrolmentProblemReason,
  lang: ReportLang = 'nl',
  detail?: string,
): string {
  return `${file}: ${lang === 'nl' ? 'overgeslagen' : 'skipped'} — ${withDetail(enrolmentProblemText(reason, lang), detail)}`;
}

/**
 * `BIB-GENT: rapport 3 (b.lkr.json) — het auditlog gaat achteruit binnen auditbereik 1: regel 40,
 * terwijl rapport 2 (a.lkr.json) al regel 80 droeg.`
 */
export function auditProblemMessage(problem: AuditProblem, lang: ReportLang = 'nl'): string {
  const nl = lang === 'nl';
  const here = nl
    ? `${problem.pointId}: rapport ${problem.sequence} (${problem.file})`
    : `${problem.pointId}: report ${problem.sequence} (${problem.file})`;
  const there = nl
    ? `rapport ${problem.previousSequence} (${problem.previousFile})`
    : `report ${problem.previousSequence} (${problem.previousFile})`;
  switch (problem.kind) {
    case 'seq_backwards':
      return nl
        ? `${here} — het auditlog gaat achteruit binnen auditbereik ${problem.epoch}: regel ${problem.seq}, terwijl ${there} al regel ${problem.previousSeq} droeg (ingekort of gesplitst).`
        : `${here} — the audit log goes backwards within epoch ${problem.epoch}: entry ${problem.seq}, while ${there} already carried entry ${problem.previousSeq} (cut short or forked).`;
    case 'epoch_backwards':
      return nl
        ? `${here} — het auditbereik gaat achteruit: ${problem.epoch}, terwijl ${there} al in bereik ${problem.previousEpoch} zat.`
        : `${here} — the audit epoch goes backwards: ${problem.epoch}, while ${there} was already in epoch ${problem.previousEpoch}.`;
    case 'epoch_undeclared':
      return nl
        ? `${here} — nieuw auditbereik ${problem.epoch} (na ${problem.previousEpoch} in ${there}) zonder reden (terugzetten, overdracht of jaarovergang).`
        : `${here} — new audit epoch ${problem.epoch} (after ${problem.previousEpoch} in ${there}) without a reason (restore, handover or year rollover).`;
    default:
      return assertNever(problem);
  }
}

/** `BIB-GENT: 2 oudere rapporten van 2027 niet meegeteld (1, 2); het nieuwste is rapport 3 (c.lkr.json).` */
export function olderReportsMessage(older: OlderReports, lang: ReportLang = 'nl'): string {
  const n = older.sequences.length;
  const list = older.sequences.join(', ');
  return lang === 'nl'
    ? `${older.pointId}: ${n} ${n === 1 ? 'ouder rapport' : 'oudere rapporten'} van ${older.cardYear} niet meegeteld (${list}); het nieuwste is rapport ${older.newest.sequence} (${older.newest.file}).`
    : `${older.pointId}: ${n} older ${n === 1 ? 'report' : 'reports'} of ${older.cardYear} not counted (${list}); the newest is report ${older.newest.sequence} (${older.newest.file}).`;
}

/** Reports of other card years were given: which year was merged, and how to pick another. */
export function otherYearsMessage(
  cardYear: number,
  otherYears: readonly number[],
  lang: ReportLang = 'nl',
): string {
  const others = otherYears.join(', ');
  return lang === 'nl'
    ? `Kaartjaar ${cardYear} samengeteld; rapporten van ${others} niet meegeteld (kies een jaar met --card-year).`
    : `Card year ${cardYear} merged; reports of ${others} not counted (choose a year with --card-year).`;
}
