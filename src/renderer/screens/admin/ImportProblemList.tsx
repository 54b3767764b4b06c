import type { ImportProblem } from '../../../shared/batch/importProblem';
import { countProblems } from '../../../shared/batch/problemCollector';
import { describeImportProblem } from '../../../shared/i18n/importProblemText';
import { useLang } from '../../app/i18n';

const SHOWN = 50;

/**
 * Import problems in the librarian's words: the first 50, then how many more. The import itself
 * keeps only the first 50 and ends the list with a `problems_more` line that counts the rest.
 */
export function ImportProblemList({ problems, testId }: { problems: ImportProblem[]; testId: string }) {
  const { t, lang } = useLang();
  const listed = problems.filter((p) => p.code !== 'problems_more');
  const more = countProblems(problems) - Math.min(listed.length, SHOWN);
  return (
    <>
      <ol className="import-problems" data-testid={testId}>
        {listed.slice(0, SHOWN).map((p, i) => (
          <li key={i}>{describeImportProblem(p, lang)}</li>
        ))}
      </ol>
      {more > 0 && <p className="import-more">{t('admin.import.more', { n: more })}</p>}
    </>
  );
}
