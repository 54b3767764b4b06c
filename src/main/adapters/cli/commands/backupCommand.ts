import fs from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../../../store/audit/auditLog';
import { backupStore } from '../../../store/backup';
import { stringOption } from '../kit/argValues';
import { CliRefusal, EXIT_OK } from '../kit/cliIo';
import type { Command } from '../kit/command';
import { withStore } from '../kit/withStore';
import { cliTexts } from '../kit/cliTexts';

const t = cliTexts();

export const backupCommand: Command = {
  name: 'backup',
  usage: t('cli.cmd.backup.usage'),
  summary: t('cli.cmd.backup.summary'),
  options: { out: { type: 'string' } },
  positionals: [0, 0],
  run: (args, io) =>
    withStore(args.dbPath, io, async (ctx) => {
      const out = stringOption(args, 'out');
      if (out !== undefined && fs.existsSync(out)) {
        throw new CliRefusal(t('cli.backup.exists', { file: out }));
      }
      const file = await backupStore(ctx, 'manual', out);
      appendAudit(ctx.db, ctx.clock, 'backup', { reason: 'manual', file: path.basename(file) });
      io.out(t('cli.backup.done', { file }));
      return EXIT_OK;
    }),
};
