import fs from 'node:fs';
import { describeLeftoversProblem } from '../../../../shared/i18n/safetyText';
import { leftoversCsv, listLeftovers, markLeftoversReturned } from '../../../useCases/admin/leftovers';
import { ensureDailyBackup } from '../../../store/dailyBackup';
import { flag, requiredOption, stringOption } from '../kit/argValues';
import { CliRefusal, EXIT_OK, usageError } from '../kit/cliIo';
import type { Command } from '../kit/command';
import { withStore } from '../kit/withStore';
import { adminGrantArg } from '../kit/adminPinArg';
import { cliTexts } from '../kit/cliTexts';

const t = cliTexts();

export const leftoversCommand: Command = {
  name: 'leftovers',
  usage: t('cli.cmd.leftovers.usage'),
  summary: t('cli.cmd.leftovers.summary'),
  options: {
    csv: { type: 'string' },
    json: { type: 'boolean' },
    'mark-returned': { type: 'boolean' },
    staff: { type: 'string' },
    'admin-pin': { type: 'string' },
  },
  positionals: [0, 0],
  run: (args, io) =>
    withStore(args.dbPath, io, async (ctx) => {
      const mark = flag(args, 'mark-returned');
      if (
        !mark &&
        (stringOption(args, 'staff') !== undefined || stringOption(args, 'admin-pin') !== undefined)
      ) {
        throw usageError(t('cli.leftovers.markOnly'));
      }
      const staff = mark ? requiredOption(args, 'staff') : '';
      // The list is taken before marking: it is the list of cards that go back.
      const list = listLeftovers(ctx.db);
      const csvFile = stringOption(args, 'csv');
      if (csvFile !== undefined) {
        try {
          fs.writeFileSync(csvFile, leftoversCsv(list));
        } catch (error) {
          throw new CliRefusal(t('cli.writeFailed', { file: csvFile, detail: (error as Error).message }));
        }
      }
      if (flag(args, 'json')) io.out(JSON.stringify(list, null, 2));
      else {
        io.out(t('cli.leftovers.count', { count: list.length }));
        if (csvFile !== undefined) io.out(t('cli.leftovers.csv', { file: csvFile }));
      }
      if (!mark) return EXIT_OK;

      await ensureDailyBackup(ctx);
      const result = markLeftoversReturned(ctx, { staff }, adminGrantArg(ctx, args, io, 'if_given'));
      if (!result.ok) throw new CliRefusal(describeLeftoversProblem(result));
      const n = result.value.count;
      io.out(n === 0 ? t('cli.leftovers.noneLeft') : t('cli.leftovers.marked', { count: n }));
      return EXIT_OK;
    }),
};
