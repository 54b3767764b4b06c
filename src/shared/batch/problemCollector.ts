import type { ImportProblem } from './importProblem';
import { sortByPosition } from '../csv/parseCsv';

/**
 * Keeps the first problems of a file and counts the rest, so a file with a million bad rows
 * costs no more memory than one with fifty. Errors and warnings are capped separately.
 */
export const PROBLEMS_KEPT = 50;

export class ProblemCollector {
  private readonly errors: ImportProblem[] = [];
  private readonly warnings: ImportProblem[] = [];
  errorCount = 0;
  warningCount = 0;

  add(problem: ImportProblem): void {
    if (problem.severity === 'error') {
      this.errorCount++;
      if (this.errors.length < PROBLEMS_KEPT) this.errors.push(problem);
    } else {
      this.warningCount++;
      if (this.warnings.length < PROBLEMS_KEPT) this.warnings.push(problem);
    }
  }

  /** The kept errors in file order, then a `problems_more` line when some were not kept. */
  errorList(): ImportProblem[] {
    return withMore(sortByPosition([...this.errors]), this.errorCount, this.errors[0]?.file ?? 'package');
  }

  warningList(): ImportProblem[] {
    return withMore(
      sortByPosition([...this.warnings]),
      this.warningCount,
      this.warnings[0]?.file ?? 'package',
    );
  }
}

/** A list cut to PROBLEMS_KEPT with a closing `problems_more` that says how many were left out. */
export function withMore(kept: ImportProblem[], total: number, file: string): ImportProblem[] {
  const shown = kept.filter((p) => p.code !== 'problems_more').slice(0, PROBLEMS_KEPT);
  const more = total - shown.length;
  if (more <= 0) return shown;
  return [
    ...shown,
    { code: 'problems_more', severity: shown[0]?.severity ?? 'error', file, value: String(more) },
  ];
}

/** Merges capped lists (each possibly ending in problems_more) into one capped list. */
export function mergeCapped(lists: readonly ImportProblem[][]): ImportProblem[] {
  let total = 0;
  const all: ImportProblem[] = [];
  for (const list of lists) {
    for (const p of list) {
      if (p.code === 'problems_more') total += Number(p.value ?? 0);
      else {
        total++;
        all.push(p);
      }
    }
  }
  return withMore(all, total, all[0]?.file ?? 'package');
}

/** How many problems a capped list stands for (its problems_more line counts what it left out). */
export function countProblems(list: readonly ImportProblem[]): number {
  return list.reduce((n, p) => n + (p.code === 'problems_more' ? Number(p.value ?? 0) : 1), 0);
}
