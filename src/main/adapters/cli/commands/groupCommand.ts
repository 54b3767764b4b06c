import { parseRequest } from '../../../../shared/api/parseRequest';
import { groupRequestSchema } from '../../../../shared/desk/deskRequests';
import fs from 'node:fs';
import { describeDeskProblem } from '../../../../shared/i18n/deskText';
import { renderGroupReceiptHtml } from '../../../../shared/desk/receipt';
import { assertNever } from '../../../../shared/result';
import { collectGroup } from '../../../useCases/desk/collectGroup';
import { readGroupReceipt } from '../../../useCases/desk/groupReceipt';
import { waitingCardsOfSchool } from '../../../useCases/desk/schoolCards';
import { flag, requiredOption, stringOption } from '../kit/argValues';
import { CliRefusal, EXIT_OK, EXIT_REFUSED, usageError } from '../kit/cliIo';
import type { Command } from '../kit/command';
import { withStore } from '../kit/withStore';
import { htmlToPdf } from '../../../platform/htmlToPdf';
import { cliTexts } from '../kit/cliTexts';
import { writeThroughHost } from '../../../useCases/point/claimThroughHost';
import { openHostLink } from '../../../useCases/point/hostLink';

const t = cliTexts();

export const groupCommand: Command = {
  name: 'group',
  usage: t('cli.cmd.group.usage'),
  summary: t('cli.cmd.group.summary'),
  options: {
    collector: { type: 'string' },
    'collector-name': { type: 'string' },
    'collector-id-note': { type: 'string' },
    staff: { type: 'string' },
    'id-checked': { type: 'boolean' },
    receipt: { type: 'string' },
    school: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: [0, 1000],
  run: (args, io) =>
    withStore(args.dbPath, io, async (ctx) => {
      const school = stringOption(args, 'school');
      if (school !== undefined && args.positionals.length === 0) {
        // Listing only: the desk ticks the colleagues the collector came for.
        const waiting = waitingCardsOfSchool(ctx.db, school);
        if (flag(args, 'json')) io.out(JSON.stringify(waiting, null, 2));
        else
          for (const c of waiting)
            io.out(`${c.card}  ${c.achternaam ?? ''}, ${c.voornaam ?? ''}  ${c.postcode}`);
        if (!flag(args, 'json')) io.out(t('cli.group.waiting', { count: waiting.length, school }));
        return EXIT_OK;
      }
      if (args.positionals.length === 0) throw usageError(t('cli.group.noCards'));
      const stamboek = stringOption(args, 'collector');
      const name = stringOption(args, 'collector-name');
      const collector = stamboek
        ? { kind: 'stamboeknummer' as const, stamboeknummer: stamboek }
        : name
          ? { kind: 'person' as const, name, idNote: requiredOption(args, 'collector-id-note') }
          : null;
      if (!collector) throw usageError(t('cli.group.noCollector'));
      // Validated with the contract's schema, like every boundary.
      const request = parseRequest(groupRequestSchema, {
        collector,
        cards: args.positionals.map((c) => c.replace(/\s/g, '')),
        staff: requiredOption(args, 'staff'),
        idChecked: flag(args, 'id-checked'),
      });
      // On a paired desk the host confirms first (the same claim path as the screen).
      const result = request.ok
        ? await writeThroughHost(ctx, openHostLink(ctx), () => collectGroup(ctx, request.value))
        : request;
      if (!result.ok) {
        if (flag(args, 'json')) io.out(JSON.stringify(result, null, 2));
        switch (result.error) {
          case 'group_refused':
            io.err(t('cli.group.refused'));
            for (const r of result.refusals) io.err(`  - ${r.card}: ${describeDeskProblem(r.problem)}`);
            return EXIT_REFUSED;
          case 'invalid_request':
          case 'id_not_checked':
          case 'unknown_staff':
          case 'collector_unknown':
          case 'group_too_large':
          case 'store_full':
          case 'store_busy':
            throw new CliRefusal(describeDeskProblem(result));
          default:
            return assertNever(result);
        }
      }
      let receiptFile = stringOption(args, 'receipt');
      if (receiptFile) {
        const receipt = readGroupReceipt(ctx.db, result.value.groupId);
        const html = receipt ? renderGroupReceiptHtml(receipt) : '';
        if (/\.pdf$/i.test(receiptFile)) {
          // A PDF needs a browser to lay out the print stylesheet; without one, keep the HTML.
          if (!(await htmlToPdf(html, receiptFile))) {
            receiptFile = receiptFile.replace(/\.pdf$/i, '.html');
            fs.writeFileSync(receiptFile, html);
            io.err(t('cli.group.noPdf'));
          }
        } else {
          fs.writeFileSync(receiptFile, html);
        }
      }
      if (flag(args, 'json')) io.out(JSON.stringify(result.value, null, 2));
      else {
        io.out(
          t('cli.group.done', {
            groupNo: result.value.groupNo,
            count: result.value.size,
            at: result.value.at,
          }),
        );
        if (receiptFile) io.out(t('cli.group.receipt', { file: receiptFile }));
      }
      return EXIT_OK;
    }),
};
