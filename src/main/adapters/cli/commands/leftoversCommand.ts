import fs from 'node:fs';
import { describeLeftoversProblem } from '../../../../shared/i18n/safetyText';
import { leftoversCsv, listLeftovers, markLeftoversReturned } from '../../../useCases/admin/leftovers';
import { ensureDailyBackup } from '../../../store/dailyBackup';
import { flag, requiredOption, stringOption } from '../argValues';
import { CliRefusal, EXIT_OK, usageError } from '../cliIo';
import type { Command } from '../command';
import { withStore } from '../withStore';
import { adminGrantArg } from '../adminPinArg';

export const leftoversCommand: Command = {
  name: 'leftovers',
  usage: 'leftovers [--csv BESTAND] [--json] [--mark-returned --staff NAAM [--admin-pin PIN]]',
  summary:
    'niet afgehaalde kaarten: lijst voor de uitgever (zonder namen); --mark-returned vanaf de laatste dag, vroeger met pincode (of BALIE_ADMIN_PIN)',
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
        throw usageError('--staff en --admin-pin horen bij --mark-returned.');
      }
      const staff = mark ? requiredOption(args, 'staff') : '';
      // The list is taken before marking: it is the list of cards that go back.
      const list = listLeftovers(ctx.db);
      const csvFile = stringOption(args, 'csv');
      if (csvFile !== undefined) {
        try {
          fs.writeFileSync(csvFile, leftoversCsv(list));
        } catch (error) {
          throw new CliRefusal(`${csvFile} kan niet geschreven worden (${(error as Error).message}).`);
        }
      }
      if (flag(args, 'json')) io.out(JSON.stringify(list, null, 2));
      else {
        io.out(`Niet afgehaald: ${list.length} ${list.length === 1 ? 'kaart' : 'kaarten'}.`);
        if (csvFile !== undefined) io.out(`Lijst voor de uitgever (zonder namen): ${csvFile}`);
      }
      if (!mark) return EXIT_OK;

      await ensureDailyBackup(ctx);
      const result = markLeftoversReturned(ctx, { staff }, adminGrantArg(ctx, args, io, 'if_given'));
      if (!result.ok) throw new CliRefusal(describeLeftoversProblem(result));
      const n = result.value.count;
      io.out(
        n === 0
          ? 'Geen kaarten meer te markeren: alles was al teruggestuurd of afgehaald.'
          : `${n} ${n === 1 ? 'kaart' : 'kaarten'} gemarkeerd als teruggestuurd naar de uitgever.`,
      );
      return EXIT_OK;
    }),
};
