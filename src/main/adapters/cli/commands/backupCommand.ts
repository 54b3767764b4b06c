import fs from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../../../store/audit/auditLog';
import { backupStore } from '../../../store/backup';
import { stringOption } from '../argValues';
import { CliRefusal, EXIT_OK } from '../cliIo';
import type { Command } from '../command';
import { withStore } from '../withStore';
import { cliTexts } from '../cliTexts';

const t = cliTexts();

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup [--out BESTAND.sqlite]',
  summary: 'maak nu een back-up (standaard in de map backups naast de database)',
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
