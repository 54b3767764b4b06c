import { PROVINCES, provinceOfPostcode, type Province } from '../domain/postcode';
import type { VerifiedReport } from './reportPayload';

/**
 * The issuer's merge of verified reports (spec/report-format.md, "Verifying and merging" 2–3).
 * Pure: no I/O, no clock; the verified reports come in, the choice and the rows come out.
 */

export type AggregateBy = 'province' | 'point' | 'postcode';

export interface AggregateRow {
  key: string;
  cards: number;
  collected: number;
  /** collected / cards × 100, one decimal (half up); 0 when there are no cards. */
  percent: number;
}

export interface AggregateTotal {
  cards: number;
  collected: number;
  percent: number;
  /** Several desks: double hand-outs the points reported (not in `collected`), summed. */
  doubleHandOuts: number;
}

/** Sequences `from`…`to` (inclusive) of a point are missing between the reports given. */
export interface SequenceGap {
  pointId: string;
  from: number;
  to: number;
}

/** Two or more reports of a point with the same sequence but different content. */
export interface SequenceConflict {
  pointId: string;
  sequence: number;
  files: string[];
}

export type ChainBreak =
  /** Report n's `previous` is not the SHA-256 of (any) report n−1 file given. */
  | {
      kind: 'mismatch';
      pointId: string;
      sequence: number;
      file: string;
      previous: string | null;
      expected: string[];
    }
  /** Report 1 names a previous report. */
  | { kind: 'first_has_previous'; pointId: string; sequence: number; file: string; previous: string }
  /** Report n > 1 has `previous` null. */
  | { kind: 'previous_missing'; pointId: string; sequence: number; file: string };

interface AuditProblemAt {
  pointId: string;
  sequence: number;
  file: string;
  /** The report before it that it was compared with. */
  previousSequence: number;
  previousFile: string;
}

/** The audit anchor goes backwards along a point's chain (docs/report-format.md, "Audit anchor"). */
export type AuditProblem =
  /** A lower epoch than an earlier report's. */
  | (AuditProblemAt & { kind: 'epoch_backwards'; epoch: number; previousEpoch: number })
  /** The same epoch, but the log is not longer than at the earlier report: cut short or forked. */
  | (AuditProblemAt & { kind: 'seq_backwards'; epoch: number; seq: number; previousSeq: number })
  /** A new epoch without the reason that must come with it. */
  | (AuditProblemAt & { kind: 'epoch_undeclared'; epoch: number; previousEpoch: number });

/** Reports of a point not counted because a newer one of the same card year was given. */
export interface OlderReports {
  pointId: string;
  cardYear: number;
  newest: { sequence: number; file: string };
  sequences: number[];
}

export interface ReportSelection {
  /** Per point the report with the highest sequence of the chosen card year, sorted by pointId. */
  kept: VerifiedReport[];
  gaps: SequenceGap[];
  conflicts: SequenceConflict[];
  chainBreaks: ChainBreak[];
  auditProblems: AuditProblem[];
  older: OlderReports[];
  /** The card year merged (null: no reports). */
  cardYear: number | null;
  /** Card years among the reports given that were not merged. */
  otherYears: number[];
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Same payload ⇒ same content, even if the file was re-serialised (different bytes). */
function contentOf(report: VerifiedReport): string {
  return JSON.stringify(report.payload);
}

/** Among equal sequences the newest `generatedAt` wins, then the file name: deterministic. */
function preferred(a: VerifiedReport, b: VerifiedReport): number {
  const ta = Date.parse(a.payload.generatedAt);
  const tb = Date.parse(b.payload.generatedAt);
  if (ta !== tb) return tb - ta;
  return byCodeUnits(a.file, b.file);
}

export interface SelectOptions {
  /** Merge this card year; default the newest card year among the reports given. */
  cardYear?: number;
}

/**
 * Per point: checks the chain of the reports given (conflicts, `previous`, the audit anchor) over
 * all card years, and keeps the newest report of the chosen card year. Gaps and "older than the
 * newest" are per card year: a chain that spans a year rollover is two chains, one per year.
 */
export function selectLatestReports(
  reports: readonly VerifiedReport[],
  options: SelectOptions = {},
): ReportSelection {
  const years = [...new Set(reports.map((r) => r.payload.cardYear))].sort((a, b) => a - b);
  const cardYear = options.cardYear ?? years[years.length - 1] ?? null;
  const perPoint = new Map<string, Map<number, VerifiedReport[]>>();
  for (const report of reports) {
    const bySeq = perPoint.get(report.payload.pointId) ?? new Map<number, VerifiedReport[]>();
    bySeq.set(report.payload.sequence, [...(bySeq.get(report.payload.sequence) ?? []), report]);
    perPoint.set(report.payload.pointId, bySeq);
  }

  const selection: ReportSelection = {
    kept: [],
    gaps: [],
    conflicts: [],
    chainBreaks: [],
    auditProblems: [],
    older: [],
    cardYear,
    otherYears: years.filter((y) => y !== cardYear),
  };
  for (const pointId of [...perPoint.keys()].sort(byCodeUnits)) {
    const bySeq = perPoint.get(pointId) ?? new Map<number, VerifiedReport[]>();
    const sequences = [...bySeq.keys()].sort((a, b) => a - b);
    const yearOf = (sequence: number) => bySeq.get(sequence)?.[0]?.payload.cardYear;

    for (let i = 0; i < sequences.length; i++) {
      const sequence = sequences[i] ?? 0;
      const files = [...(bySeq.get(sequence) ?? [])].sort(preferred);

      if (new Set(files.map(contentOf)).size > 1)
        selection.conflicts.push({ pointId, sequence, files: files.map((f) => f.file).sort(byCodeUnits) });

      const before = sequences[i - 1];
      if (i > 0 && before !== undefined && before < sequence - 1 && yearOf(before) === yearOf(sequence))
        selection.gaps.push({ pointId, from: before + 1, to: sequence - 1 });

      const previousFiles = bySeq.get(sequence - 1);
      const earlier = before === undefined ? [] : (bySeq.get(before) ?? []);
      for (const report of [...files].sort((a, b) => byCodeUnits(a.file, b.file))) {
        checkPrevious(selection, pointId, sequence, report, previousFiles);
        for (const prior of uniqueContent(earlier))
          checkAudit(selection, pointId, report, prior, before === sequence - 1);
      }
    }

    const ofYear = sequences.filter((q) => bySeq.get(q)?.some((r) => r.payload.cardYear === cardYear));
    const highest = ofYear[ofYear.length - 1];
    const winner =
      highest === undefined
        ? undefined
        : [...(bySeq.get(highest) ?? [])].filter((r) => r.payload.cardYear === cardYear).sort(preferred)[0];
    if (winner) {
      selection.kept.push(winner);
      if (ofYear.length > 1 && cardYear !== null)
        selection.older.push({
          pointId,
          cardYear,
          newest: { sequence: winner.payload.sequence, file: winner.file },
          sequences: ofYear.slice(0, -1),
        });
    }
  }
  return selection;
}

/** Blocks a merge unless the issuer says otherwise (--allow-conflicts). Gaps do not: uploads get lost. */
export function blockingProblems(selection: ReportSelection): number {
  return selection.conflicts.length + selection.chainBreaks.length + selection.auditProblems.length;
}

function uniqueContent(reports: readonly VerifiedReport[]): VerifiedReport[] {
  const seen = new Set<string>();
  return reports.filter((r) => {
    const key = contentOf(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function checkPrevious(
  selection: ReportSelection,
  pointId: string,
  sequence: number,
  report: VerifiedReport,
  previousFiles: readonly VerifiedReport[] | undefined,
): void {
  const previous = report.payload.previous;
  if (sequence === 1) {
    if (previous !== null)
      selection.chainBreaks.push({
        kind: 'first_has_previous',
        pointId,
        sequence,
        file: report.file,
        previous,
      });
  } else if (previous === null) {
    selection.chainBreaks.push({ kind: 'previous_missing', pointId, sequence, file: report.file });
  } else if (previousFiles) {
    const expected = [...new Set(previousFiles.map((p) => p.fileSha256))].sort(byCodeUnits);
    if (!expected.includes(previous.toLowerCase()))
      selection.chainBreaks.push({
        kind: 'mismatch',
        pointId,
        sequence,
        file: report.file,
        previous,
        expected,
      });
  }
}

/**
 * The audit anchor along the chain: within one epoch the log only grows (seq goes up from one
 * report to the next), epochs never go back, and a new epoch is declared by the first report in it
 * (only checkable when the report just before it was given).
 */
function checkAudit(
  selection: ReportSelection,
  pointId: string,
  report: VerifiedReport,
  prior: VerifiedReport,
  adjacent: boolean,
): void {
  const now = report.payload.audit;
  const then = prior.payload.audit;
  if (now === undefined || then === undefined) return;
  const common = {
    pointId,
    sequence: report.payload.sequence,
    file: report.file,
    previousSequence: prior.payload.sequence,
    previousFile: prior.file,
  };
  if (now.epoch < then.epoch)
    selection.auditProblems.push({
      kind: 'epoch_backwards',
      ...common,
      epoch: now.epoch,
      previousEpoch: then.epoch,
    });
  else if (now.epoch === then.epoch && now.seq <= then.seq)
    selection.auditProblems.push({
      kind: 'seq_backwards',
      ...common,
      epoch: now.epoch,
      seq: now.seq,
      previousSeq: then.seq,
    });
  else if (now.epoch > then.epoch && adjacent && now.started === undefined)
    selection.auditProblems.push({
      kind: 'epoch_undeclared',
      ...common,
      epoch: now.epoch,
      previousEpoch: then.epoch,
    });
}

/** Percentage with one decimal, rounded half up in integer arithmetic (no 0.1 + 0.2 surprises). */
export function percentOf(collected: number, cards: number): number {
  if (cards <= 0) return 0;
  return Math.floor((collected * 2000 + cards) / (2 * cards)) / 10;
}

function row(key: string, cards: number, collected: number): AggregateRow {
  return { key, cards, collected, percent: percentOf(collected, cards) };
}

export interface AggregateTable {
  by: AggregateBy;
  rows: AggregateRow[];
  total: AggregateTotal;
}

/**
 * Rows of collected / cards for the kept reports (one per point):
 * - `point`: the report's `totals`, sorted by pointId;
 * - `postcode`: the sum of `byPostcode` over all points, sorted by postcode;
 * - `province`: the same, grouped by province (Flemish provinces, Brussels, Walloon provinces).
 * The total is the sum of the rows.
 */
export function aggregateRows(kept: readonly VerifiedReport[], by: AggregateBy): AggregateTable {
  const sums = new Map<string, { cards: number; collected: number }>();
  const add = (key: string, cards: number, collected: number) => {
    const sum = sums.get(key) ?? { cards: 0, collected: 0 };
    sum.cards += cards;
    sum.collected += collected;
    sums.set(key, sum);
  };

  for (const { payload } of kept) {
    if (by === 'point') {
      add(payload.pointId, payload.totals.cards, payload.totals.collected);
      continue;
    }
    for (const entry of payload.byPostcode)
      add(
        by === 'postcode' ? entry.postcode : provinceOfPostcode(entry.postcode),
        entry.cards,
        entry.collected,
      );
  }

  let keys = [...sums.keys()];
  if (by === 'province') {
    const order = new Map<string, number>(PROVINCES.map((p: Province, i) => [p, i]));
    keys = keys.sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99));
  } else {
    keys = keys.sort(byCodeUnits);
  }

  const rows = keys.map((key) => {
    const sum = sums.get(key) ?? { cards: 0, collected: 0 };
    return row(key, sum.cards, sum.collected);
  });
  const cards = rows.reduce((n, r) => n + r.cards, 0);
  const collected = rows.reduce((n, r) => n + r.collected, 0);
  const doubleHandOuts = kept.reduce((n, { payload }) => n + (payload.totals.doubleHandOuts ?? 0), 0);
  return { by, rows, total: { cards, collected, percent: percentOf(collected, cards), doubleHandOuts } };
}
