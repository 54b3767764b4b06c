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

export interface ReportSelection {
  /** Per point the report with the highest sequence, sorted by pointId. */
  kept: VerifiedReport[];
  gaps: SequenceGap[];
  conflicts: SequenceConflict[];
  chainBreaks: ChainBreak[];
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

export function selectLatestReports(reports: readonly VerifiedReport[]): ReportSelection {
  const perPoint = new Map<string, Map<number, VerifiedReport[]>>();
  for (const report of reports) {
    const bySeq = perPoint.get(report.payload.pointId) ?? new Map<number, VerifiedReport[]>();
    bySeq.set(report.payload.sequence, [...(bySeq.get(report.payload.sequence) ?? []), report]);
    perPoint.set(report.payload.pointId, bySeq);
  }

  const selection: ReportSelection = { kept: [], gaps: [], conflicts: [], chainBreaks: [] };
  for (const pointId of [...perPoint.keys()].sort(byCodeUnits)) {
    const bySeq = perPoint.get(pointId) ?? new Map<number, VerifiedReport[]>();
    const sequences = [...bySeq.keys()].sort((a, b) => a - b);

    for (let i = 0; i < sequences.length; i++) {
      const sequence = sequences[i] ?? 0;
      const files = [...(bySeq.get(sequence) ?? [])].sort(preferred);

      if (new Set(files.map(contentOf)).size > 1)
        selection.conflicts.push({ pointId, sequence, files: files.map((f) => f.file).sort(byCodeUnits) });

      const before = sequences[i - 1];
      if (i > 0 && before !== undefined && before < sequence - 1)
        selection.gaps.push({ pointId, from: before + 1, to: sequence - 1 });

      const previousFiles = bySeq.get(sequence - 1);
      for (const report of [...files].sort((a, b) => byCodeUnits(a.file, b.file))) {
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
    }

    const highest = sequences[sequences.length - 1];
    const winner = highest === undefined ? undefined : [...(bySeq.get(highest) ?? [])].sort(preferred)[0];
    if (winner) selection.kept.push(winner);
  }
  return selection;
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
  return { by, rows, total: { cards, collected, percent: percentOf(collected, cards) } };
}
