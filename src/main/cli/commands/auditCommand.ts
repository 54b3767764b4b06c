import { readAudit, verifyAudit } from '../../audit/auditLog';
import { intOption } from '../argValues';
import { CliRefusal, EXIT_OK, usageError } from '../cliIo';
import type { Command } from '../command';
import { withStore } from '../withStore';

const REASONS = {
  hash: 'de inhoud is gewijzigd',
  chain: 'de keten is onderbroken',
  sequence: 'een regel ontbreekt of staat op een andere plaats',
};

export const auditCommand: Command = {
  name: 'audit',
  usage: 'audit [verify] [--limit N]',
  summary: 'toon het auditlog, of controleer de hashketen (verify)',
  options: { limit: { type: 'string' } },
  positionals: [0, 1],
  run: (args, io) =>
    withStore(args.dbPath, io, (ctx) => {
      const sub = args.positionals[0];
      if (sub === 'verify') {
        const verdict = verifyAudit(ctx.db);
        if (!verdict.ok)
          throw new CliRefusal(
            `Auditlog NIET in orde bij regel ${verdict.atSeq}: ${REASONS[verdict.reason]}.`,
          );
        io.out(`Auditlog in orde: ${verdict.entries} regels, keten en hashes kloppen.`);
        return EXIT_OK;
      }
      if (sub !== undefined) throw usageError(`Onbekend: audit ${sub}. Gebruik: audit [verify]`);
      for (const e of readAudit(ctx.db, { limit: intOption(args, 'limit', 50, [1, 100_000]) })) {
        io.out(`${String(e.seq).padStart(6)}  ${e.at}  ${e.action.padEnd(26)} ${e.details}`);
      }
      return EXIT_OK;
    }),
};
