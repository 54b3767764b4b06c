import { assertNever } from '../../../../shared/result';
import { describeStoreProblem } from '../../../../shared/i18n/storeText';
import { createReport } from '../../../useCases/reports/createReport';
import { flag, requiredOption } from '../kit/argValues';
import { CliRefusal, EXIT_OK } from '../kit/cliIo';
import type { Command } from '../kit/command';
import { withStore } from '../kit/withStore';
import { keyUnreadableText } from './keyUnreadableText';
import { cliTexts } from '../kit/cliTexts';

const t = cliTexts();

export const reportCommand: Command = {
  name: 'report',
  usage: t('cli.cmd.report.usage'),
  summary: t('cli.cmd.report.summary'),
  options: { out: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [0, 0],
  run: (args, io) =>
    withStore(args.dbPath, io, (ctx) => {
      const result = createReport(ctx, { outFile: requiredOption(args, 'out') });
      if (!result.ok) {
        switch (result.error) {
          case 'not_initialized':
            throw new CliRefusal(describeStoreProblem(result));
          case 'not_host':
            throw new CliRefusal(t('point.refused.notHost', { host: result.host }));
          case 'no_batches':
            throw new CliRefusal(t('cli.report.noBatches'));
          case 'key_unreadable':
            throw new CliRefusal(keyUnreadableText(result));
          case 'write_failed':
            throw new CliRefusal(t('cli.report.writeFailed', { file: result.file, detail: result.detail }));
          default:
            return assertNever(result);
        }
      }
      const r = result.value;
      if (flag(args, 'json')) {
        io.out(JSON.stringify(r, null, 2));
        return EXIT_OK;
      }
      io.out(
        t('cli.report.done', { sequence: r.sequence, file: r.file, collected: r.collected, cards: r.cards }),
      );
      io.out(t('cli.report.signedWith', { keyId: r.keyId }));
      if (r.newKey) io.out(t('cli.report.newKey'));
      return EXIT_OK;
    }),
};
