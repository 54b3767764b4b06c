import fs from 'node:fs';
import { checkAdminPin } from '../../admin/adminPin';
import { appendAudit } from '../../audit/auditLog';
import { describeDeskProblem } from '../../../shared/i18n/deskText';
import { createInstallationKey, keyDirFor, loadOrCreateInstallationKey } from '../../keys/installationKey';
import { getSetting } from '../../store/settings';
import { flag, stringOption } from '../argValues';
import { CliRefusal, EXIT_OK } from '../cliIo';
import type { Command } from '../command';
import { withStore } from '../withStore';
import { adminPinArg } from '../adminPinArg';
import { keyUnreadableText } from './keyUnreadableText';

export const keysCommand: Command = {
  name: 'keys',
  usage: 'keys [--export BESTAND.pub.pem] [--rotate --admin-pin PIN]',
  summary: 'toon (of exporteer) de publieke sleutel van deze installatie en haar keyid',
  options: { export: { type: 'string' }, rotate: { type: 'boolean' }, 'admin-pin': { type: 'string' } },
  positionals: [0, 0],
  run: (args, io) =>
    withStore(args.dbPath, io, (ctx) => {
      const keyDir = keyDirFor(ctx.dbPath);
      let key;
      if (flag(args, 'rotate')) {
        const pin = checkAdminPin(ctx, adminPinArg(args, io) ?? '');
        if (!pin.ok) throw new CliRefusal(describeDeskProblem(pin));
        key = createInstallationKey(keyDir);
        appendAudit(ctx.db, ctx.clock, 'key_rotated', { keyId: key.keyId });
      } else {
        const loaded = loadOrCreateInstallationKey(keyDir);
        if (!loaded.ok) throw new CliRefusal(keyUnreadableText(loaded));
        key = loaded.value;
        if (key.created) appendAudit(ctx.db, ctx.clock, 'key_created', { keyId: key.keyId });
      }
      const exportFile = stringOption(args, 'export');
      if (exportFile) fs.writeFileSync(exportFile, key.publicKeyPem);
      const pointId = getSetting(ctx.db, 'point_id') ?? 'PUNT';
      io.out(key.publicKeyPem.trimEnd());
      io.out(`keyid: ${key.keyId}`);
      if (exportFile)
        io.out(`Geëxporteerd naar ${exportFile}; de uitgever bewaart die als ${pointId}.pub.pem.`);
      return EXIT_OK;
    }),
};
