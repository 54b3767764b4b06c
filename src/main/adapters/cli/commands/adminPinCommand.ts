import { setAdminPin } from '../../../useCases/admin/adminPin';
import { assertNever } from '../../../../shared/result';
import { describeDeskProblem } from '../../../../shared/i18n/deskText';
import { requiredOption, stringOption } from '../argValues';
import { CliRefusal, EXIT_OK } from '../cliIo';
import type { Command } from '../command';
import { withStore } from '../withStore';

export const adminPinCommand: Command = {
  name: 'admin-pin',
  usage: 'admin-pin --new PIN [--current PIN]',
  summary: 'stel de beheerderspincode in of wijzig ze (6 tot 12 cijfers)',
  options: { new: { type: 'string' }, current: { type: 'string' } },
  positionals: [0, 0],
  run: (args, io) =>
    withStore(args.dbPath, io, (ctx) => {
      const result = setAdminPin(ctx, requiredOption(args, 'new'), stringOption(args, 'current') ?? null);
      if (!result.ok) {
        switch (result.error) {
          case 'pin_not_digits':
            throw new CliRefusal('De pincode bestaat alleen uit cijfers.');
          case 'pin_too_short':
            throw new CliRefusal(`De pincode heeft minstens ${result.minDigits} cijfers.`);
          case 'pin_too_long':
            throw new CliRefusal(`De pincode heeft hoogstens ${result.maxDigits} cijfers.`);
          case 'pin_too_simple':
            throw new CliRefusal(
              'Die pincode is te makkelijk te raden (zelfde cijfer of een reeks). Kies een andere.',
            );
          case 'pin_current_required':
            throw new CliRefusal('Er is al een pincode: geef ook --current met de huidige pincode.');
          case 'pin_wrong':
          case 'pin_locked':
            throw new CliRefusal(describeDeskProblem(result));
          default:
            return assertNever(result);
        }
      }
      io.out('Beheerderspincode ingesteld.');
      return EXIT_OK;
    }),
};
