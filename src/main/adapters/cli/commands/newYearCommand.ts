import { describeDeskProblem } from '../../../../shared/i18n/deskText';
import { describeStoreProblem } from '../../../../shared/i18n/storeText';
import { assertNever } from '../../../../shared/result';
import { startNewYear, type NewYearFailure } from '../../../useCases/year/newYear';
import { ADMIN_PIN_ENV, adminGrantArg, adminPinArg } from '../adminPinArg';
import { intOption, requiredOption, stringOption } from '../argValues';
import { CliRefusal, EXIT_OK, usageError } from '../cliIo';
import type { Command } from '../command';
import { withStore } from '../withStore';
import { keyUnreadableText } from './keyUnreadableText';

function newYearProblemText(failure: NewYearFailure): string {
  switch (failure.error) {
    case 'not_initialized':
      return describeStoreProblem(failure);
    case 'nothing_to_close':
      return 'Er is nog geen kaartpakket ingelezen: er is geen jaar af te sluiten. Lees het pakket van het nieuwe jaar gewoon in. Er is niets veranderd.';
    case 'year_not_after':
      return `Kaartjaar ${failure.cardYear} komt niet na het huidige kaartjaar ${failure.currentYear}: een nieuw jaar moet later zijn. Er is niets veranderd.`;
    case 'unknown_staff':
      return describeDeskProblem(failure);
    case 'no_batches':
      return 'Er is nog geen kaartpakket ingelezen: er is niets te rapporteren.';
    case 'key_unreadable':
      return keyUnreadableText(failure);
    case 'write_failed':
      return `Het eindrapport kan niet geschreven worden naar ${failure.file} (${failure.detail}). De restkaarten zijn als teruggestuurd gemarkeerd; het jaar is nog niet afgesloten. Probeer opnieuw met een andere --report.`;
    default:
      return assertNever(failure);
  }
}

export const newYearCommand: Command = {
  name: 'new-year',
  usage: 'new-year --card-year JJJJ --report BESTAND.lkr.json --staff NAAM [--admin-pin PIN]',
  summary: `sluit het kaartjaar af (restkaarten terug, eindrapport, archief, nieuw auditbereik) en begin een nieuw; pincode (of ${ADMIN_PIN_ENV})`,
  options: {
    'card-year': { type: 'string' },
    report: { type: 'string' },
    staff: { type: 'string' },
    'admin-pin': { type: 'string' },
  },
  positionals: [0, 0],
  run: (args, io) => {
    if (stringOption(args, 'card-year') === undefined) throw usageError('Optie --card-year is verplicht.');
    const cardYear = intOption(args, 'card-year', 0, [2000, 2200]);
    const reportOut = requiredOption(args, 'report');
    const staff = requiredOption(args, 'staff');
    const pin = adminPinArg(args, io);
    if (pin === null)
      throw usageError(
        `De beheerderspincode is verplicht: --admin-pin PIN, of de omgevingsvariabele ${ADMIN_PIN_ENV}.`,
      );
    return withStore(args.dbPath, io, async (ctx) => {
      const grant = adminGrantArg(ctx, args, io, 'required');
      const result = await startNewYear(ctx, { cardYear, staff, reportOut }, grant);
      if (!result.ok) throw new CliRefusal(newYearProblemText(result));
      const r = result.value;
      io.out(`Kaartjaar ${r.previousCardYear} afgesloten; deze balie hoort nu bij kaartjaar ${r.cardYear}.`);
      io.out(`Restkaarten als teruggestuurd gemarkeerd: ${r.leftoversReturned}.`);
      io.out(
        `Eindrapport ${r.finalReport.sequence} van ${r.previousCardYear}: ${r.finalReport.file} (${r.finalReport.collected} van ${r.finalReport.cards} kaarten afgehaald) — bezorg het aan de uitgever.`,
      );
      io.out(
        `Archief van ${r.previousCardYear} (${r.cardsArchived} kaarten): ${r.archive}. Het blijft bewaard tot de bewaartermijn om is; daarna wist balie purge er de namen uit.`,
      );
      io.out(
        `Nieuw auditbereik ${r.auditEpoch} (jaarovergang). Lees nu het eerste pakket van ${r.cardYear} in: balie import PAKKET.lkb`,
      );
      return EXIT_OK;
    });
  },
};
