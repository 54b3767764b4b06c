import { describeDeskProblem } from '../../../../shared/i18n/deskText';
import { voidHandOut } from '../../../useCases/desk/voidHandOut';
import { requiredOption } from '../argValues';
import { CliRefusal, EXIT_OK } from '../cliIo';
import type { Command } from '../command';
import { withStore } from '../withStore';
import { adminPinArg } from '../adminPinArg';
import { cliTexts } from '../cliTexts';

const t = cliTexts();

export const voidCommand: Command = {
  name: 'void',
  usage: 'void KAART --reason TEKST --staff NAAM [--admin-pin PIN of BALIE_ADMIN_PIN]',
  summary: 'annuleer een afgifte (een annulatie, nooit een wissing)',
  options: { reason: { type: 'string' }, staff: { type: 'string' }, 'admin-pin': { type: 'string' } },
  positionals: [1, 1],
  run: (args, io) =>
    withStore(args.dbPath, io, (ctx) => {
      const adminPin = adminPinArg(args, io) ?? undefined;
      const result = voidHandOut(ctx, {
        card: (args.positionals[0] as string).replace(/\s/g, ''),
        reason: requiredOption(args, 'reason'),
        staff: requiredOption(args, 'staff'),
        ...(adminPin ? { adminPin } : {}),
      });
      if (!result.ok) throw new CliRefusal(describeDeskProblem(result));
      io.out(t('cli.void.done', { card: result.value.card }));
      return EXIT_OK;
    }),
};
