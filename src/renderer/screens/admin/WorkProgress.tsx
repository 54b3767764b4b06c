import { useEffect, useState } from 'react';
import type { LongWork, Progress } from '../../../shared/api/progress';
import { Icon } from '../../app/icons';
import { useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { formatCount } from '../overview/formatNumbers';

/** The latest progress of one kind of long work; `reset` when a new run starts. */
export function useWorkProgress(work: LongWork): { progress: Progress | null; reset(): void } {
  const { onProgress } = useDesk();
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => onProgress((p) => p.work === work && setProgress(p)), [onProgress, work]);
  return { progress, reset: () => setProgress(null) };
}

/** The words of each phase (a key per work and phase: a missing one does not compile). */
function progressKey(p: Progress) {
  switch (p.work) {
    case 'importPackage':
      return `admin.progress.importPackage.${p.phase}` as const;
    case 'exportReport':
      return `admin.progress.exportReport.${p.phase}` as const;
    case 'newYear':
      return `admin.progress.newYear.${p.phase}` as const;
    case 'backupNow':
      return `admin.progress.backupNow.${p.phase}` as const;
  }
}

/**
 * A real progress bar: role=progressbar with its numbers, the phase in words ("Kaarten inlezen:
 * 120.000 van 200.000"), and colour and icon (blue clock while it runs, green tick when done).
 */
export function WorkProgress({ progress, finished }: { progress: Progress; finished: boolean }) {
  const { t, lang } = useLang();
  const total = Math.max(progress.total, 1);
  const done = finished ? total : Math.min(progress.done, total);
  const text = t(progressKey(progress), {
    done: formatCount(finished ? progress.total : progress.done, lang),
    total: formatCount(progress.total, lang),
  });
  const percent = Math.round((done / total) * 100);
  return (
    <div className={`work-progress tone-${finished ? 'ok' : 'info'}`} data-testid="work-progress">
      <Icon name={finished ? 'ok' : 'clock'} size={24} />
      <div className="work-progress-body">
        <div
          className="work-progress-track"
          role="progressbar"
          aria-label={t('admin.progress.label')}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
          aria-valuetext={text}
        >
          <div className="work-progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <p>
          {text}
          {finished && ` ${t('admin.progress.finished')}`}
        </p>
      </div>
    </div>
  );
}
