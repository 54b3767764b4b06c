import type { ImportProblem } from '../../../shared/batch/importProblem';
import { describeImportProblem } from '../../../shared/i18n/importProblemText';

export const PROBLEMS_SHOWN = 50;

/** The first 50 problems, then how many more: enough to fix a file, short enough to read. */
export function formatProblemList(problems: readonly ImportProblem[]): string {
  const lines = problems.slice(0, PROBLEMS_SHOWN).map((p) => `  - ${describeImportProblem(p)}`);
  const more = problems.length - PROBLEMS_SHOWN;
  if (more > 0) lines.push(`  … en nog ${more} ${more === 1 ? 'probleem' : 'problemen'}.`);
  return lines.join('\n');
}
