import { readAudit, verifyAudit } from '../../../store/audit/auditLog';
import { verifyAuditAnchors } from '../../../useCases/reports/verifyAnchors';
import { intOption } from '../argValues';
import { CliRefusal, EXIT_OK, usageError } from '../cliIo';
import type { Command } from '../command';
import { withStore } from '../withStore';

const ANCHOR_REASONS = {
  hash: 'die regel is niet meer dezelfde',
  missing: 'die regel bestaat niet meer (het log is ingekort)',
  epoch: 'die regel hoort nu bij een ander auditbereik (epoch)',
};

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
        // The chain can be recomputed by whoever has the file; the signed heads cannot.
        const anchors = verifyAuditAnchors(ctx.db);
        if (!anchors.ok)
          throw new CliRefusal(
            `Auditlog NIET in orde: ondertekend rapport ${anchors.reportSequence} droeg auditregel ${anchors.auditSeq}, maar ${ANCHOR_REASONS[anchors.reason]}. Het log is herschreven nadat het rapport vertrok.`,
          );
        io.out(`Auditlog in orde: ${verdict.entries} regels, keten en hashes kloppen.`);
        io.out(
          `Ondertekende rapporten: ${anchors.checked} ${anchors.checked === 1 ? 'kop klopt' : 'koppen kloppen'} met het log${anchors.beforeRestore > 0 ? `; ${anchors.beforeRestore} van vóór een teruggezette back-up (niet in dit log)` : ''}.`,
        );
        return EXIT_OK;
      }
      if (sub !== undefined) throw usageError(`Onbekend: audit ${sub}. Gebruik: audit [verify]`);
      for (const e of readAudit(ctx.db, { limit: intOption(args, 'limit', 50, [1, 100_000]) })) {
        io.out(`${String(e.seq).padStart(6)}  ${e.at}  ${e.action.padEnd(26)} ${e.details}`);
      }
      return EXIT_OK;
    }),
};
