import { parseRequest } from '../../../../shared/api/parseRequest';
import { voidRequestSchema } from '../../../../shared/desk/deskRequests';
import { describeDeskProblem } from '../../../../shared/i18n/deskText';
import { voidHandOut } from '../../../useCases/desk/voidHandOut';
import { requiredOption } from '../kit/argValues';
import { CliRefusal, EXIT_OK } from '../kit/cliIo';
import type { Command } from '../kit/command';
import { withStore } from '../kit/withStore';
import { adminGrantArg } from '../kit/adminPinArg';
import { cliTexts } from '../kit/cliTexts';
import { writeThroughHost } from '../../../useCases/point/claimThroughHost';
import { openHostLink } from '../../../useCases/point/hostLink';

const t = cliTexts();

export const voidCommand: Command = {
  name: 'void',
  usage: t('cli.cmd.void.usage'),
  summary: t('cli.cmd.void.summary'),
  options: { reason: { type: 'string' }, staff: { type: 'string' }, 'admin-pin': { type: 'string' } },
  positionals: [1, 1],
  run: (args, io) =>
    withStore(args.dbPath, io, async (ctx) => {
      // Validated with the contract's schema, like every boundary; a PIN given is checked first.
      const request = parseRequest(voidRequestSchema, {
        card: (args.positionals[0] as string).replace(/\s/g, ''),
        reason: requiredOption(args, 'reason'),
        staff: requiredOption(args, 'staff'),
      });
      const grant = request.ok ? adminGrantArg(ctx, args, io, 'if_given') : null;
      const result = request.ok
        ? await writeThroughHost(ctx, openHostLink(ctx), () => voidHandOut(ctx, request.value, grant))
        : request;
      if (!result.ok) throw new CliRefusal(describeDeskProblem(result));
      io.out(t('cli.void.done', { card: result.value.card }));
      return EXIT_OK;
    }),
};
