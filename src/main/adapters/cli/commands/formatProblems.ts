import type { ImportProblem } from '../../../../shared/batch/importProblem';
import { countProblems } from '../../../../shared/batch/problemCollector';
import { describeImportProblem } from '../../../../shared/i18n/importProblemText';
import { cliTexts } from '../cliTexts';

export const PROBLEMS_SHOWN = 50;

/**
 * The first 50 problems, then how many more: enough to fix a file, short enough to read. The
 * importer already keeps only the first ones and ends the list with a `problems_more` count.
 */
export function formatProblemList(problems: readonly ImportProblem[]): string {
  const real = problems.filter((p) => p.code !== 'problems_more');
  const lines = real.slice(0, PROBLEMS_SHOWN).map((p) => `  - ${describeImportProblem(p)}`);
  const more = countProblems(problems) - Math.min(real.length, PROBLEMS_SHOWN);
  if (more > 0) lines.push(`  ${cliTexts()('cli.import.moreProblems', { count: more })}`);
  return lines.join('\n');
}
