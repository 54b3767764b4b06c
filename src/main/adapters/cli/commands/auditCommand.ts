import { readAudit, verifyAudit } from '../../../store/audit/auditLog';
import { verifyAuditAnchors } from '../../../useCases/reports/verifyAnchors';
import { intOption } from '../kit/argValues';
import { CliRefusal, EXIT_OK, usageError } from '../kit/cliIo';
import type { Command } from '../kit/command';
import { withStore } from '../kit/withStore';
import { cliTexts } from '../kit/cliTexts';

const t = cliTexts();

export const auditCommand: Command = {
  name: 'audit',
  usage: t('cli.cmd.audit.usage'),
  summary: t('cli.cmd.audit.summary'),
  options: { limit: { type: 'string' } },
  positionals: [0, 1],
  run: (args, io) =>
    withStore(args.dbPath, io, (ctx) => {
      const sub = args.positionals[0];
      if (sub === 'verify') {
        const verdict = verifyAudit(ctx.db);
        if (!verdict.ok)
          throw new CliRefusal(
            t('cli.audit.brokenAt', { seq: verdict.atSeq, reason: t(`cli.audit.reason.${verdict.reason}`) }),
          );
        // The chain can be recomputed by whoever has the file; the signed heads cannot.
        const anchors = verifyAuditAnchors(ctx.db);
        if (!anchors.ok)
          throw new CliRefusal(
            t('cli.audit.anchorBroken', {
              report: anchors.reportSequence,
              seq: anchors.auditSeq,
              reason: t(`cli.audit.anchor.${anchors.reason}`),
            }),
          );
        io.out(t('cli.audit.ok', { count: verdict.entries }));
        const beforeRestore =
          anchors.beforeRestore > 0 ? t('cli.audit.beforeRestore', { count: anchors.beforeRestore }) : '';
        io.out(t('cli.audit.anchors', { count: anchors.checked, beforeRestore }));
        return EXIT_OK;
      }
      if (sub !== undefined) throw usageError(t('cli.audit.unknownSub', { sub }));
      for (const e of readAudit(ctx.db, { limit: intOption(args, 'limit', 50, [1, 100_000]) })) {
        io.out(`${String(e.seq).padStart(6)}  ${e.at}  ${e.action.padEnd(26)} ${e.details}`);
      }
      return EXIT_OK;
    }),
};
