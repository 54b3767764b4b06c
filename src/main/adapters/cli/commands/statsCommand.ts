import { cardStats } from '../../../useCases/admin/cardStats';
import { flag } from '../kit/argValues';
import { EXIT_OK } from '../kit/cliIo';
import type { Command } from '../kit/command';
import { withStore } from '../kit/withStore';
import { cliTexts } from '../kit/cliTexts';

const t = cliTexts();

function percent(part: number, whole: number): string {
  return whole === 0 ? '0,0' : ((part / whole) * 100).toFixed(1).replace('.', ',');
}

export const statsCommand: Command = {
  name: 'stats',
  usage: t('cli.cmd.stats.usage'),
  summary: t('cli.cmd.stats.summary'),
  options: { json: { type: 'boolean' } },
  positionals: [0, 0],
  run: (args, io) =>
    withStore(args.dbPath, io, (ctx) => {
      const stats = cardStats(ctx.db);
      if (flag(args, 'json')) {
        io.out(JSON.stringify(stats, null, 2));
        return EXIT_OK;
      }
      io.out(
        t('cli.stats.totals', {
          cards: stats.cards,
          collected: stats.collected,
          percent: percent(stats.collected, stats.cards),
        }),
      );
      io.out(
        t('cli.stats.others', {
          waiting: stats.waiting,
          revoked: stats.revoked,
          replaced: stats.replaced,
          returned: stats.returned,
        }),
      );
      io.out('');
      io.out(
        `${t('cli.stats.postcode').padEnd(10)}${t('cli.stats.gemeente').padEnd(26)}${t('cli.stats.cards').padStart(9)}${t('cli.stats.collected').padStart(11)}${'%'.padStart(7)}`,
      );
      for (const p of stats.byPostcode) {
        io.out(
          `${p.postcode.padEnd(10)}${(p.gemeente ?? '').slice(0, 25).padEnd(26)}${String(p.cards).padStart(9)}${String(p.collected).padStart(11)}${percent(p.collected, p.cards).padStart(7)}`,
        );
      }
      return EXIT_OK;
    }),
};
