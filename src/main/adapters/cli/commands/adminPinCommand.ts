import { setAdminPin } from '../../../useCases/admin/adminPin';
import { assertNever } from '../../../../shared/result';
import { describeDeskProblem } from '../../../../shared/i18n/deskText';
import { requiredOption, stringOption } from '../kit/argValues';
import { CliRefusal, EXIT_OK } from '../kit/cliIo';
import type { Command } from '../kit/command';
import { withStore } from '../kit/withStore';
import { cliTexts } from '../kit/cliTexts';

const t = cliTexts();

export const adminPinCommand: Command = {
  name: 'admin-pin',
  usage: t('cli.cmd.admin-pin.usage'),
  summary: t('cli.cmd.admin-pin.summary'),
  options: { new: { type: 'string' }, current: { type: 'string' } },
  positionals: [0, 0],
  run: (args, io) =>
    withStore(args.dbPath, io, (ctx) => {
      const result = setAdminPin(ctx, requiredOption(args, 'new'), stringOption(args, 'current') ?? null);
      if (!result.ok) {
        switch (result.error) {
          case 'pin_not_digits':
            throw new CliRefusal(t('cli.pin.notDigits'));
          case 'pin_too_short':
            throw new CliRefusal(t('cli.pin.tooShort', { n: result.minDigits }));
          case 'pin_too_long':
            throw new CliRefusal(t('cli.pin.tooLong', { n: result.maxDigits }));
          case 'pin_too_simple':
            throw new CliRefusal(t('cli.pin.tooSimple'));
          case 'pin_current_required':
            throw new CliRefusal(t('cli.pin.currentRequired'));
          case 'pin_wrong':
          case 'pin_locked':
            throw new CliRefusal(describeDeskProblem(result));
          default:
            return assertNever(result);
        }
      }
      io.out(t('cli.pin.done'));
      return EXIT_OK;
    }),
};
