import { parseRequest } from '../../../../shared/api/parseRequest';
import { handOutRequestSchema } from '../../../../shared/desk/deskRequests';
import { describeDeskProblem } from '../../../../shared/i18n/deskText';
import { handOut } from '../../../useCases/desk/handOut';
import { flag, requiredOption, stringOption } from '../kit/argValues';
import { CliRefusal, EXIT_OK } from '../kit/cliIo';
import type { Command } from '../kit/command';
import { withStore } from '../kit/withStore';
import { cliTexts } from '../kit/cliTexts';
import { writeThroughHost } from '../../../useCases/point/claimThroughHost';
import { openHostLink } from '../../../useCases/point/hostLink';

const t = cliTexts();

export const handoutCommand: Command = {
  name: 'handout',
  usage: t('cli.cmd.handout.usage'),
  summary: t('cli.cmd.handout.summary'),
  options: {
    staff: { type: 'string' },
    'id-checked': { type: 'boolean' },
    postcode: { type: 'string' },
    'request-id': { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: [1, 1],
  run: (args, io) =>
    withStore(args.dbPath, io, async (ctx) => {
      const postcode = stringOption(args, 'postcode');
      const requestId = stringOption(args, 'request-id');
      // Validated with the contract's schema, like every boundary.
      const request = parseRequest(handOutRequestSchema, {
        card: (args.positionals[0] as string).replace(/\s/g, ''),
        staff: requiredOption(args, 'staff'),
        idChecked: flag(args, 'id-checked'),
        ...(postcode ? { postcode } : {}),
        ...(requestId ? { requestId } : {}),
      });
      // On a paired desk the host confirms first (the same claim path as the screen).
      const result = request.ok
        ? await writeThroughHost(ctx, openHostLink(ctx), () => handOut(ctx, request.value))
        : request;
      if (!result.ok) {
        if (flag(args, 'json')) io.out(JSON.stringify(result, null, 2));
        throw new CliRefusal(describeDeskProblem(result));
      }
      if (flag(args, 'json')) io.out(JSON.stringify(result.value, null, 2));
      else
        io.out(
          t('cli.handout.done', { card: result.value.card, at: result.value.at, staff: result.value.staff }),
        );
      return EXIT_OK;
    }),
};
