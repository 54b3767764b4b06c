import fs from 'node:fs';
import { describeStoreProblem } from '../../../../shared/i18n/storeText';
import { initPoint } from '../../../useCases/admin/initPoint';
import { requiredOption, stringOption } from '../kit/argValues';
import { CliRefusal, EXIT_OK } from '../kit/cliIo';
import type { Command } from '../kit/command';
import { withStore } from '../kit/withStore';
import { cliTexts } from '../kit/cliTexts';

const t = cliTexts();

export const initCommand: Command = {
  name: 'init',
  usage: t('cli.cmd.init.usage'),
  summary: t('cli.cmd.init.summary'),
  options: {
    point: { type: 'string' },
    name: { type: 'string' },
    'issuer-key': { type: 'string' },
    'desk-name': { type: 'string' },
  },
  positionals: [0, 0],
  run: (args, io) =>
    withStore(args.dbPath, io, (ctx) => {
      const keyFile = requiredOption(args, 'issuer-key');
      let pem: string;
      try {
        pem = fs.readFileSync(keyFile, 'utf8');
      } catch (error) {
        throw new CliRefusal(
          describeStoreProblem({ error: 'unreadable_file', path: keyFile, detail: (error as Error).message }),
        );
      }
      const result = initPoint(ctx, {
        pointId: requiredOption(args, 'point'),
        pointName: requiredOption(args, 'name'),
        issuerPublicKeyPem: pem,
        deskName: stringOption(args, 'desk-name'),
      });
      if (!result.ok) throw new CliRefusal(describeStoreProblem(result));
      const p = result.value;
      io.out(
        t('cli.init.done', {
          pointId: p.pointId,
          pointName: p.pointName,
          desk: p.deskName ?? '—',
          keyId: p.issuerKeyId,
        }),
      );
      io.out(t('cli.init.database', { path: args.dbPath }));
      return EXIT_OK;
    }),
};
