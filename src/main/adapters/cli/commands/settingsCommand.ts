import { apiContract } from '../../../../shared/api/contract';
import { parseRequest } from '../../../../shared/api/parseRequest';
import { describeDeskProblem, belgianDate } from '../../../../shared/i18n/deskText';
import { changePointSettings, readPointSettings } from '../../../useCases/admin/pointSettings';
import { flag, intOption, stringOption } from '../kit/argValues';
import { CliRefusal, EXIT_OK } from '../kit/cliIo';
import type { Command } from '../kit/command';
import { withStore } from '../kit/withStore';
import { adminGrantArg } from '../kit/adminPinArg';
import { cliTexts } from '../kit/cliTexts';

const t = cliTexts();

export const settingsCommand: Command = {
  name: 'settings',
  usage: t('cli.cmd.settings.usage'),
  summary: t('cli.cmd.settings.summary'),
  options: {
    'last-day': { type: 'string' },
    staff: { type: 'string' },
    'max-group-size': { type: 'string' },
    'retention-days': { type: 'string' },
    'admin-pin': { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: [0, 0],
  run: (args, io) =>
    withStore(args.dbPath, io, (ctx) => {
      const lastDay = stringOption(args, 'last-day');
      const staff = stringOption(args, 'staff');
      const change = {
        ...(lastDay !== undefined ? { lastDay: lastDay === 'none' ? null : lastDay } : {}),
        ...(staff !== undefined
          ? {
              staff: staff
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            }
          : {}),
        ...(args.values['max-group-size'] !== undefined
          ? { maxGroupSize: intOption(args, 'max-group-size', 50, [1, 500]) }
          : {}),
        ...(args.values['retention-days'] !== undefined
          ? { retentionDays: intOption(args, 'retention-days', 60, [1, 3650]) }
          : {}),
      };
      let settings = readPointSettings(ctx);
      if (Object.keys(change).length > 0) {
        // Validated with the contract's schema, like every boundary; then the PIN gate.
        const request = parseRequest(apiContract.changeSettings.args, { ...change, adminPin: '' });
        if (!request.ok) throw new CliRefusal(describeDeskProblem(request));
        const { adminPin: _none, ...valid } = request.value;
        const result = changePointSettings(ctx, valid, adminGrantArg(ctx, args, io, 'required'));
        // The one refusal left once the request is valid and the PIN checked: 'last_day_after_batches'.
        if (!result.ok)
          throw new CliRefusal(
            t('cli.settings.lastDayAfterBatches', { day: belgianDate(result.batchesUntil) }),
          );
        settings = result.value;
      }
      if (flag(args, 'json')) {
        io.out(JSON.stringify(settings, null, 2));
        return EXIT_OK;
      }
      io.out(
        t('cli.settings.point', {
          pointId: settings.pointId ?? '—',
          pointName: settings.pointName ?? '—',
          deskId: settings.deskId ?? '—',
        }),
      );
      io.out(
        t('cli.settings.lastDay', {
          day: settings.effectiveLastDay ? belgianDate(settings.effectiveLastDay) : '—',
          own: settings.ownLastDay ? t('cli.settings.own') : '',
        }),
      );
      io.out(
        t('cli.settings.staff', {
          staff: settings.staff.length > 0 ? settings.staff.join(', ') : t('cli.settings.freeStaff'),
        }),
      );
      io.out(t('cli.settings.limits', { max: settings.maxGroupSize, count: settings.retentionDays }));
      return EXIT_OK;
    }),
};
