import path from 'node:path';
import { describePurgeProblem } from '../../../../shared/i18n/safetyText';
import { runCliJob } from '../../worker/cliJobRunner';
import { CliRefusal, EXIT_OK, usageError } from '../kit/cliIo';
import type { Command } from '../kit/command';
import { withStore } from '../kit/withStore';
import { backupDirFor } from '../../../platform/paths';
import { ADMIN_PIN_ENV, adminGrantArg, adminPinArg } from '../kit/adminPinArg';
import { cliTexts } from '../kit/cliTexts';
import { PROGRESS_OPTION, progressLines } from '../kit/progressLines';

const t = cliTexts();

export const purgeCommand: Command = {
  name: 'purge',
  usage: t('cli.cmd.purge.usage'),
  summary: t('cli.cmd.purge.summary', { pinEnv: ADMIN_PIN_ENV }),
  options: { 'admin-pin': { type: 'string' }, ...PROGRESS_OPTION },
  positionals: [0, 0],
  run: async (args, io) => {
    const pin = adminPinArg(args, io);
    if (pin === null) {
      throw usageError(
        `De beheerderspincode is verplicht: --admin-pin PIN, of veiliger de omgevingsvariabele ${ADMIN_PIN_ENV} (argumenten zijn zichtbaar in de proceslijst).`,
      );
    }
    // The PIN is checked on the live store here; the purge itself (archived years first, each by
    // its own last day, then the live store) runs in a worker thread on its own connection.
    const grant = await withStore(args.dbPath, io, (ctx) =>
      adminGrantArg(ctx, args, io, 'required', describePurgeProblem),
    );
    const onProgress = progressLines(args, io);
    const { archives, current: result } = await runCliJob(
      'purge',
      { grant },
      { dbPath: args.dbPath, clock: io.clock, ...(onProgress ? { onProgress } : {}) },
    );
    let archivesErased = 0;
    for (const a of archives) {
      if (a.result.ok) {
        archivesErased += 1;
        io.out(t('cli.purge.archiveErased', { file: path.basename(a.file), count: a.result.value.cards }));
      } else
        io.out(
          t('cli.purge.archiveRefused', {
            file: path.basename(a.file),
            problem: describePurgeProblem(a.result),
          }),
        );
    }
    if (!result.ok && archivesErased > 0) {
      io.out(t('cli.purge.currentRefused', { problem: describePurgeProblem(result) }));
      return EXIT_OK;
    }
    if (!result.ok) throw new CliRefusal(describePurgeProblem(result));
    const r = result.value;
    io.out(t('cli.purge.done', { cards: r.cards, groups: r.groups }));
    io.out(t('cli.backupFirst', { file: r.backup }));
    io.out(
      t('cli.purge.backupsLeft', { count: r.backupsWithPersonalData.length, dir: backupDirFor(args.dbPath) }),
    );
    return EXIT_OK;
  },
};
