import { assertNever } from '../result';
import type {
  AuditProblem,
  ChainBreak,
  OlderReports,
  SequenceConflict,
  SequenceGap,
} from '../report/aggregate';
import type { EnrolmentProblemReason, ReportRefusal } from '../report/reportPayload';
import type { Lang } from './lang';
import type { Translate } from './catalogue';
import { translatorFor } from './catalogue';
import { reportTexts } from './texts/reportTexts';

/** Messages for the issuer's report check, in Dutch (default) and English. */
const translators: Partial<Record<Lang, Translate<typeof reportTexts.nl>>> = {};
function textsFor(lang: Lang): Translate<typeof reportTexts.nl> {
  return (translators[lang] ??= translatorFor(reportTexts, lang));
}

export type ReportLang = Lang;

export function reportRefusalText(reason: ReportRefusal, lang: ReportLang = 'nl'): string {
  return textsFor(lang)(`report.refusal.${reason}`);
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
  return textsFor(lang)('report.refused', {
    file,
    reason: withDetail(reportRefusalText(reason, lang), detail),
  });
}

/** `BIB-GENT: rapport 3 ontbreekt.` / `BIB-GENT: rapporten 3 tot en met 5 ontbreken.` */
export function sequenceGapMessage(gap: SequenceGap, lang: ReportLang = 'nl'): string {
  const t = textsFor(lang);
  return gap.from === gap.to
    ? t('report.gap.one', { pointId: gap.pointId, from: gap.from })
    : t('report.gap.range', { pointId: gap.pointId, from: gap.from, to: gap.to });
}

export function sequenceConflictMessage(conflict: SequenceConflict, lang: ReportLang = 'nl'): string {
  return textsFor(lang)('report.conflict', {
    pointId: conflict.pointId,
    sequence: conflict.sequence,
    files: conflict.files.join(', '),
  });
}

export function chainBreakMessage(chainBreak: ChainBreak, lang: ReportLang = 'nl'): string {
  const t = textsFor(lang);
  const { pointId, sequence, file } = chainBreak;
  const broken = t('report.chain.broken');
  switch (chainBreak.kind) {
    case 'mismatch':
      return t('report.chain.mismatch', { pointId, sequence, file, previous: sequence - 1, broken });
    case 'first_has_previous':
      return t('report.chain.first_has_previous', { pointId, file, broken });
    case 'previous_missing':
      return t('report.chain.previous_missing', { pointId, sequence, file, broken });
    default:
      return assertNever(chainBreak);
  }
}

export function enrolmentProblemText(reason: EnrolmentProblemReason, lang: ReportLang = 'nl'): string {
  return textsFor(lang)(`report.enrolment.${reason}`);
}

/** `BIB-GENT.pub.pem: overgeslagen — is geen Ed25519-sleutel (rsa).` */
export function enrolmentProblemMessage(
  file: string,
  reason: EnrolmentProblemReason,
  lang: ReportLang = 'nl',
  detail?: string,
): string {
  return textsFor(lang)('report.skipped', {
    file,
    reason: withDetail(enrolmentProblemText(reason, lang), detail),
  });
}

/**
 * `BIB-GENT: rapport 3 (b.lkr.json) — het auditlog gaat achteruit binnen auditbereik 1: regel 40,
 * terwijl rapport 2 (a.lkr.json) al regel 80 droeg.`
 */
export function auditProblemMessage(problem: AuditProblem, lang: ReportLang = 'nl'): string {
  const t = textsFor(lang);
  const here = t('report.audit.here', {
    pointId: problem.pointId,
    sequence: problem.sequence,
    file: problem.file,
  });
  const there = t('report.audit.there', { sequence: problem.previousSequence, file: problem.previousFile });
  switch (problem.kind) {
    case 'seq_backwards':
      return t('report.audit.seq_backwards', {
        here,
        there,
        epoch: problem.epoch,
        seq: problem.seq,
        previousSeq: problem.previousSeq,
      });
    case 'epoch_backwards':
      return t('report.audit.epoch_backwards', {
        here,
        there,
        epoch: problem.epoch,
        previousEpoch: problem.previousEpoch,
      });
    case 'epoch_undeclared':
      return t('report.audit.epoch_undeclared', {
        here,
        there,
        epoch: problem.epoch,
        previousEpoch: problem.previousEpoch,
      });
    default:
      return assertNever(problem);
  }
}

/** `BIB-GENT: 2 oudere rapporten van 2027 niet meegeteld (1, 2); het nieuwste is rapport 3 (c.lkr.json).` */
export function olderReportsMessage(older: OlderReports, lang: ReportLang = 'nl'): string {
  return textsFor(lang)('report.older', {
    pointId: older.pointId,
    count: older.sequences.length,
    cardYear: older.cardYear,
    list: older.sequences.join(', '),
    newest: older.newest.sequence,
    file: older.newest.file,
  });
}

/** Reports of other card years were given: which year was merged, and how to pick another. */
export function otherYearsMessage(
  cardYear: number,
  otherYears: readonly number[],
  lang: ReportLang = 'nl',
): string {
  return textsFor(lang)('report.otherYears', { cardYear, others: otherYears.join(', ') });
}
