import type { ImportProblem } from '../../../shared/batch/importProblem';
import { describeImportProblem } from '../../../shared/i18n/importProblemText';
import { useLang } from '../../app/i18n';

const SHOWN = 50;

/** Import problems in the librarian's words: the first 50, then how many more. */
export function ImportProblemList({ problems, testId }: { problems: ImportProblem[]; testId: string }) {
  const { t, lang } = useLang();
  const more = problems.length - SHOWN;
  return (
    <>
      <ol className="import-problems" data-testid={testId}>
        {problems.slice(0, SHOWN).map((p, i) => (
          <li key={i}>{describeImportProblem(p, lang)}</li>
        ))}
      </ol>
      {more > 0 && <p className="import-more">{t('admin.import.more', { n: more })}</p>}
    </>
  );
}
