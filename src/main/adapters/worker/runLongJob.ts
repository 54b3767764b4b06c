import type { Progress } from '../../../shared/api/progress';
import type { KeyProtector } from '../../platform/keys/installationKey';
import { backupStore } from '../../store/backup';
import type { StoreContext } from '../../store/storeContext';
import { importBatch } from '../../useCases/import/importBatch';
import { createReport } from '../../useCases/reports/createReport';
import { startNewYear } from '../../useCases/year/newYear';
import type { LongJob, LongJobValues } from './longJobs';
import { throttledProgress } from '../../../shared/api/progress';

/**
 * Runs one long job against a store and reports its progress: the same code in the worker thread
 * (longWorkEntry.ts) and inline for an in-memory store, which no other thread can open.
 */
export async function runLongJob(
  ctx: StoreContext,
  job: LongJob,
  emit: (progress: Progress) => void,
  protector?: KeyProtector,
): Promise<LongJobValues[LongJob['work']]> {
  const keys = protector ? { protector } : {};
  switch (job.work) {
    case 'importPackage':
      return importBatch(ctx, job.packageBytes, {
        allowUnsigned: job.allowUnsigned,
        preview: job.preview,
        onProgress: (p) => emit({ work: 'importPackage', ...p }),
      });
    case 'exportReport': {
      emit({ work: 'exportReport', phase: 'report', done: 0, total: 1 });
      const created = createReport(ctx, { outFile: job.outFile, ...keys });
      emit({ work: 'exportReport', phase: 'report', done: 1, total: 1 });
      return created;
    }
    case 'newYear': {
      emit({ work: 'newYear', phase: 'close', done: 0, total: 1 });
      const done = await startNewYear(ctx, {
        cardYear: job.cardYear,
        staff: job.staff,
        adminPin: job.adminPin,
        reportOut: job.reportOut,
        ...keys,
      });
      emit({ work: 'newYear', phase: 'close', done: 1, total: 1 });
      return done;
    }
    case 'backupNow': {
      let pages: ((done: number) => void) | null = null;
      let total = 0;
      const file = await backupStore(ctx, 'manual', undefined, (copied, all) => {
        total = all;
        pages ??= throttledProgress((p) => emit({ work: 'backupNow', ...p }), 'copy', all);
        pages(copied);
      });
      // The backup API reports before each step, so its last page comes with the answer.
      pages ??= throttledProgress((p) => emit({ work: 'backupNow', ...p }), 'copy', total);
      pages(total);
      return file;
    }
  }
}
