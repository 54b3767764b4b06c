import { cardStats } from '../../../useCases/admin/cardStats';
import { flag } from '../argValues';
import { EXIT_OK } from '../cliIo';
import type { Command } from '../command';
import { withStore } from '../withStore';

function percent(part: number, whole: number): string {
  return whole === 0 ? '0,0' : ((part / whole) * 100).toFixed(1).replace('.', ',');
}

export const statsCommand: Command = {
  name: 'stats',
  usage: 'stats [--json]',
  summary: 'totalen en afhalingen per postcode',
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
        `Kaarten: ${stats.cards}  afgehaald: ${stats.collected} (${percent(stats.collected, stats.cards)}%)`,
      );
      io.out(
        `Wachtend: ${stats.waiting}  ingetrokken: ${stats.revoked}  vervangen: ${stats.replaced}  teruggestuurd: ${stats.returned}`,
      );
      io.out('');
      io.out(
        `${'Postcode'.padEnd(10)}${'Gemeente'.padEnd(26)}${'Kaarten'.padStart(9)}${'Afgehaald'.padStart(11)}${'%'.padStart(7)}`,
      );
      for (const p of stats.byPostcode) {
        io.out(
          `${p.postcode.padEnd(10)}${(p.gemeente ?? '').slice(0, 25).padEnd(26)}${String(p.cards).padStart(9)}${String(p.collected).padStart(11)}${percent(p.collected, p.cards).padStart(7)}`,
        );
      }
      return EXIT_OK;
    }),
};
