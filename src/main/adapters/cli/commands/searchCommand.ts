import { statusLabel } from '../../../../shared/i18n/statusText';
import { searchCards } from '../../../useCases/desk/searchCards';
import { flag, intOption } from '../kit/argValues';
import { EXIT_OK } from '../kit/cliIo';
import type { Command } from '../kit/command';
import { withStore } from '../kit/withStore';
import { cliTexts } from '../kit/cliTexts';

const t = cliTexts();

export const searchCommand: Command = {
  name: 'search',
  usage: t('cli.cmd.search.usage'),
  summary: t('cli.cmd.search.summary'),
  options: { limit: { type: 'string' }, json: { type: 'boolean' } },
  positionals: [1, 1],
  run: (args, io) =>
    withStore(args.dbPath, io, (ctx) => {
      const limit = intOption(args, 'limit', 50, [1, 1000]);
      const results = searchCards(ctx.db, args.positionals[0] as string, limit);
      if (flag(args, 'json')) {
        io.out(JSON.stringify(results, null, 2));
        return EXIT_OK;
      }
      if (results.length === 0) {
        io.out(t('cli.search.none'));
        return EXIT_OK;
      }
      for (const r of results) {
        const name = `${r.achternaam ?? '—'}, ${r.voornaam ?? '—'}`;
        const extra = r.replacedBy ? t('cli.search.replacedBy', { card: r.replacedBy }) : '';
        io.out(
          `${r.card}  ${(statusLabel(r.status) + extra).padEnd(24)}  ${name.padEnd(36)}  ${r.postcode} ${r.gemeente ?? ''}`,
        );
      }
      return EXIT_OK;
    }),
};
