import fs from 'node:fs';
import { checkAdminPin } from '../../../useCases/admin/adminPin';
import { appendAudit } from '../../../store/audit/auditLog';
import { describeDeskProblem } from '../../../../shared/i18n/deskText';
import {
  createInstallationKey,
  currentKeyId,
  enrolmentFileName,
  installationKeyNumber,
  keyDirFor,
  loadOrCreateInstallationKey,
} from '../../../platform/keys/installationKey';
import { getSetting } from '../../../store/settings';
import { flag, stringOption } from '../kit/argValues';
import { CliRefusal, EXIT_OK } from '../kit/cliIo';
import type { Command } from '../kit/command';
import { withStore } from '../kit/withStore';
import { adminPinArg } from '../kit/adminPinArg';
import { keyUnreadableText } from './keyUnreadableText';
import { cliTexts } from '../kit/cliTexts';

const t = cliTexts();

export const keysCommand: Command = {
  name: 'keys',
  usage: t('cli.cmd.keys.usage'),
  summary: t('cli.cmd.keys.summary'),
  options: { export: { type: 'string' }, rotate: { type: 'boolean' }, 'admin-pin': { type: 'string' } },
  positionals: [0, 0],
  run: (args, io) =>
    withStore(args.dbPath, io, (ctx) => {
      const keyDir = keyDirFor(ctx.dbPath);
      const pointId = getSetting(ctx.db, 'point_id') ?? 'PUNT';
      let key;
      const rotate = flag(args, 'rotate');
      if (rotate) {
        const pin = checkAdminPin(ctx, adminPinArg(args, io) ?? '');
        if (!pin.ok) throw new CliRefusal(describeDeskProblem(pin));
        const previousKeyId = currentKeyId(keyDir);
        key = createInstallationKey(keyDir);
        const keyNumber = installationKeyNumber(keyDir);
        // Audited with the old and new keyid and the name to enrol it under: the issuer's folder
        // and this log tell the same story.
        appendAudit(ctx.db, ctx.clock, 'key_rotated', {
          keyId: key.keyId,
          previousKeyId,
          keyNumber,
          enrolAs: enrolmentFileName(pointId, keyNumber),
        });
      } else {
        const loaded = loadOrCreateInstallationKey(keyDir);
        if (!loaded.ok) throw new CliRefusal(keyUnreadableText(loaded));
        key = loaded.value;
        if (key.created)
          appendAudit(ctx.db, ctx.clock, 'key_created', {
            keyId: key.keyId,
            keyNumber: installationKeyNumber(keyDir),
          });
      }
      const enrolAs = enrolmentFileName(pointId, installationKeyNumber(keyDir));
      const exportFile = stringOption(args, 'export');
      if (exportFile) fs.writeFileSync(exportFile, key.publicKeyPem);
      io.out(key.publicKeyPem.trimEnd());
      io.out(t('cli.keys.keyid', { keyId: key.keyId }));
      io.out(t('cli.keys.enrolAs', { file: enrolAs }));
      if (rotate) io.out(t('cli.keys.rotated', { file: enrolAs }));
      if (exportFile) io.out(t('cli.keys.exported', { file: exportFile, enrolAs }));
      return EXIT_OK;
    }),
};
