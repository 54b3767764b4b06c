import { describeRestoreProblem } from '../../../../shared/i18n/safetyText';
import { runCliJob } from '../../worker/cliJobRunner';
import { flag } from '../kit/argValues';
import { CliRefusal, EXIT_OK } from '../kit/cliIo';
import type { Command } from '../kit/command';
import { cliTexts } from '../kit/cliTexts';
import { PROGRESS_OPTION, progressLines } from '../kit/progressLines';

const t = cliTexts();

export const restoreCommand: Command = {
  name: 'restore',
  usage: t('cli.cmd.restore.usage'),
  summary: t('cli.cmd.restore.summary'),
  options: { 'other-point': { type: 'boolean' }, ...PROGRESS_OPTION },
  positionals: [1, 1],
  // No withStore: a restore replaces the file itself and must not hold it open. It runs in a
  // worker thread (its own connections), this thread prints its progress.
  run: async (args, io) => {
    const file = args.positionals[0] as string;
    const onProgress = progressLines(args, io);
    const result = await runCliJob(
      'restore',
      { file, allowOtherPoint: flag(args, 'other-point') },
      { dbPath: args.dbPath, clock: io.clock, ...(onProgress ? { onProgress } : {}) },
    );
    if (!result.ok) throw new CliRefusal(describeRestoreProblem(result));
    const r = result.value;
    const schema =
      r.migratedTo !== r.schemaVersion ? `${r.schemaVersion} → ${r.migratedTo}` : `${r.schemaVersion}`;
    io.out(t('cli.restore.done', { file, pointId: r.pointId ?? '—', cards: r.cards, schema }));
    const carried =
      r.reportsCarried > 0 ? ` ${t('cli.restore.reportsCarried', { count: r.reportsCarried })}` : '';
    io.out(`${t('cli.restore.newEpoch', { epoch: r.auditEpoch })}${carried}`);
    if (r.preRestoreBackup) io.out(t('cli.restore.before', { file: r.preRestoreBackup }));
    return EXIT_OK;
  },
};
