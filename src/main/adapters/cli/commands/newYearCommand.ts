import { describeDeskProblem } from '../../../../shared/i18n/deskText';
import { describeStoreProblem } from '../../../../shared/i18n/storeText';
import { assertNever } from '../../../../shared/result';
import { startNewYear, type NewYearFailure } from '../../../useCases/year/newYear';
import { ADMIN_PIN_ENV, adminGrantArg, adminPinArg } from '../kit/adminPinArg';
import { intOption, requiredOption, stringOption } from '../kit/argValues';
import { CliRefusal, EXIT_OK, usageError } from '../kit/cliIo';
import type { Command } from '../kit/command';
import { withStore } from '../kit/withStore';
import { keyUnreadableText } from './keyUnreadableText';
import { cliTexts } from '../kit/cliTexts';

const t = cliTexts();

function newYearProblemText(failure: NewYearFailure): string {
  switch (failure.error) {
    case 'not_initialized':
      return describeStoreProblem(failure);
    case 'nothing_to_close':
      return t('cli.newYear.nothingToClose');
    case 'year_not_after':
      return t('cli.newYear.notAfter', { year: failure.cardYear, current: failure.currentYear });
    case 'unknown_staff':
      return describeDeskProblem(failure);
    case 'not_host':
      return t('point.refused.notHost', { host: failure.host });
    case 'no_batches':
      return t('cli.report.noBatches');
    case 'key_unreadable':
      return keyUnreadableText(failure);
    case 'write_failed':
      return t('cli.newYear.writeFailed', { file: failure.file, detail: failure.detail });
    default:
      return assertNever(failure);
  }
}

export const newYearCommand: Command = {
  name: 'new-year',
  usage: t('cli.cmd.new-year.usage'),
  summary: t('cli.cmd.new-year.summary', { pinEnv: ADMIN_PIN_ENV }),
  options: {
    'card-year': { type: 'string' },
    report: { type: 'string' },
    staff: { type: 'string' },
    'admin-pin': { type: 'string' },
  },
  positionals: [0, 0],
  run: (args, io) => {
    if (stringOption(args, 'card-year') === undefined) throw usageError(t('cli.newYear.cardYearRequired'));
    const cardYear = intOption(args, 'card-year', 0, [2000, 2200]);
    const reportOut = requiredOption(args, 'report');
    const staff = requiredOption(args, 'staff');
    const pin = adminPinArg(args, io);
    if (pin === null) throw usageError(t('cli.newYear.pinRequired', { env: ADMIN_PIN_ENV }));
    return withStore(args.dbPath, io, async (ctx) => {
      const grant = adminGrantArg(ctx, args, io, 'required');
      const result = await startNewYear(ctx, { cardYear, staff, reportOut }, grant);
      if (!result.ok) throw new CliRefusal(newYearProblemText(result));
      const r = result.value;
      io.out(t('cli.newYear.closed', { previous: r.previousCardYear, year: r.cardYear }));
      io.out(t('cli.newYear.leftovers', { n: r.leftoversReturned }));
      io.out(
        t('cli.newYear.finalReport', {
          sequence: r.finalReport.sequence,
          previous: r.previousCardYear,
          file: r.finalReport.file,
          collected: r.finalReport.collected,
          cards: r.finalReport.cards,
        }),
      );
      io.out(
        t('cli.newYear.archive', { previous: r.previousCardYear, cards: r.cardsArchived, file: r.archive }),
      );
      io.out(t('cli.newYear.epoch', { epoch: r.auditEpoch, year: r.cardYear }));
      return EXIT_OK;
    });
  },
};
