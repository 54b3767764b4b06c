import { assertNever } from '../../../../shared/result';
import { describeStoreProblem } from '../../../../shared/i18n/storeText';
import { createReport } from '../../../useCases/reports/createReport';
import { flag, requiredOption } from '../argValues';
import { CliRefusal, EXIT_OK } from '../cliIo';
import type { Command } from '../command';
import { withStore } from '../withStore';
import { keyUnreadableText } from './keyUnreadableText';

export const reportCommand: Command = {
  name: 'report',
  usage: 'report --out BESTAND.lkr.json [--json]',
  summary: 'maak het ondertekende afhaalrapport voor de uitgever (zonder namen)',
  options: { out: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [0, 0],
  run: (args, io) =>
    withStore(args.dbPath, io, (ctx) => {
      const result = createReport(ctx, { outFile: requiredOption(args, 'out') });
      if (!result.ok) {
        switch (result.error) {
          case 'not_initialized':
            throw new CliRefusal(describeStoreProblem(result));
          case 'no_batches':
            throw new CliRefusal('Er is nog geen kaartpakket ingelezen: er is niets te rapporteren.');
          case 'key_unreadable':
            throw new CliRefusal(keyUnreadableText(result));
          case 'write_failed':
            throw new CliRefusal(
              `Het rapport kan niet geschreven worden naar ${result.file} (${result.detail}).`,
            );
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
        `Rapport ${r.sequence} geschreven: ${r.file} (${r.collected} van ${r.cards} kaarten afgehaald).`,
      );
      io.out(`Ondertekend met sleutel ${r.keyId}.`);
      if (r.newKey)
        io.out(
          'Nieuwe sleutel gemaakt: bezorg de publieke sleutel aan de uitgever (balie keys --export BESTAND).',
        );
      return EXIT_OK;
    }),
};
