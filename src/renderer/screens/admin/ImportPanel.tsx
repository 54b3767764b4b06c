import { countProblems } from '../../../shared/batch/problemCollector';
import { useId, useState } from 'react';
import type { ImportProblem } from '../../../shared/batch/importProblem';
import type { ImportSummary } from '../../../shared/batch/importSummary';
import { isTransportFailure } from '../../../shared/api/transportFailure';
import { FailureNotice } from '../../app/FailureNotice';
import { useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { describeAdminFailure } from './adminFailureText';
import { ImportProblemList } from './ImportProblemList';
import { ImportSummaryView } from './ImportSummaryView';
import { Notice } from './Notice';
import { readFileBase64 } from './readFileBase64';
import { useWorkProgress, WorkProgress } from './WorkProgress';

type Picked = { name: string; base64: string };
type Check =
  | { kind: 'busy' }
  | { kind: 'summary'; summary: ImportSummary }
  | { kind: 'problems'; problems: ImportProblem[] }
  | { kind: 'error'; message: string; retry: (() => void) | null };

/** Import a batch package: check it first (nothing changes), then read it in with the PIN. */
export function ImportPanel({ pin }: { pin: string }) {
  const { api, refresh } = useDesk();
  const { t, lang } = useLang();
  const fileId = useId();
  const unsignedId = useId();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [allowUnsigned, setAllowUnsigned] = useState(false);
  const [check, setCheck] = useState<Check | null>(null);
  const [done, setDone] = useState<ImportSummary | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const work = useWorkProgress('importPackage');

  const run = async (file: Picked, unsigned: boolean, preview: boolean) => {
    work.reset();
    setCheck({ kind: 'busy' });
    const result = await api.importPackage({
      fileName: file.name,
      contentBase64: file.base64,
      allowUnsigned: unsigned,
      preview,
      adminPin: pin,
    });
    if (result.ok) {
      if (preview) setCheck({ kind: 'summary', summary: result.value });
      else {
        setCheck(null);
        setPicked(null);
        setInputKey((k) => k + 1);
        setDone(result.value);
        await refresh();
      }
    } else if (result.error === 'invalid_package') setCheck({ kind: 'problems', problems: result.problems });
    else
      setCheck({
        kind: 'error',
        message: describeAdminFailure(result, t, lang),
        // The same package again is safe: a batch already read in changes nothing.
        retry: isTransportFailure(result) ? () => void run(file, unsigned, preview) : null,
      });
  };

  const onFile = async (file: File | undefined) => {
    setDone(null);
    setCheck(null);
    if (!file) return setPicked(null);
    try {
      const next = { name: file.name, base64: await readFileBase64(file) };
      setPicked(next);
      await run(next, allowUnsigned, true);
    } catch (error) {
      setCheck({
        kind: 'error',
        message: t('admin.error.unreadableFile', { detail: String(error) }),
        retry: null,
      });
    }
  };

  const canCommit = check?.kind === 'summary' && !check.summary.alreadyImported;
  return (
    <section className="panel" aria-labelledby="admin-import-title">
      <h2 id="admin-import-title">{t('admin.import.title')}</h2>
      <p>{t('admin.import.intro')}</p>
      <div className="admin-form">
        <label htmlFor={fileId}>{t('admin.import.file')}</label>
        <input
          key={inputKey}
          id={fileId}
          type="file"
          accept=".lkb"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
        <div className="admin-check">
          <input
            id={unsignedId}
            type="checkbox"
            checked={allowUnsigned}
            onChange={(e) => {
              setAllowUnsigned(e.target.checked);
              if (picked) void run(picked, e.target.checked, true);
            }}
          />
          <label htmlFor={unsignedId}>{t('admin.import.allowUnsigned')}</label>
        </div>
        {allowUnsigned && (
          <Notice tone="warning" live="none">
            {t('admin.import.allowUnsignedWarning')}
          </Notice>
        )}
      </div>
      {check?.kind === 'busy' && <p role="status">{t('admin.import.busy')}</p>}
      {work.progress && check?.kind !== 'problems' && check?.kind !== 'error' && (
        <WorkProgress progress={work.progress} finished={check?.kind !== 'busy'} />
      )}
      {check?.kind === 'error' &&
        (check.retry ? (
          <FailureNotice text={check.message} className="" onRetry={check.retry} />
        ) : (
          <Notice tone="stop">{check.message}</Notice>
        ))}
      {check?.kind === 'problems' && (
        <div data-testid="import-refused">
          <Notice tone="stop">
            {t('admin.import.refusedCount', { count: countProblems(check.problems) })}{' '}
            {t('admin.import.nothingChanged')}
          </Notice>
          <ImportProblemList problems={check.problems} testId="import-problems" />
        </div>
      )}
      {check?.kind === 'summary' && <ImportSummaryView summary={check.summary} done={false} />}
      {canCommit && picked && (
        <button type="button" className="big-button" onClick={() => void run(picked, allowUnsigned, false)}>
          {t('admin.import.commit')}
        </button>
      )}
      {done && (
        <>
          <Notice tone="ok">{t('admin.import.done', { batchId: done.batchId })}</Notice>
          <ImportSummaryView summary={done} done />
        </>
      )}
    </section>
  );
}
