import fs from 'node:fs';
import path from 'node:path';
import {
  chainBreakMessage,
  enrolmentProblemMessage,
  reportRefusedMessage,
  sequenceConflictMessage,
  sequenceGapMessage,
} from '../../../shared/i18n/reportText';
import { aggregateReports } from '../../report/aggregateReports';
import type { AggregateOutcome, ReportFile } from '../../report/aggregateReports';
import { formatAggregate } from '../../report/formatAggregate';
import { loadEnrolledKeys } from '../../report/verifyReport';
import { requiredOption, stringOption } from '../argValues';
import { CliRefusal, EXIT_OK, EXIT_REFUSED, usageError } from '../cliIo';
import type { CliIo } from '../cliIo';
import type { Command, ParsedArgs } from '../command';

/** The issuer's side: no store needed, only the enrolled keys and the report files. */
function verifyAll(args: ParsedArgs, io: CliIo): AggregateOutcome & { unreadable: number } {
  const keysDir = requiredOption(args, 'keys');
  if (!fs.existsSync(keysDir)) throw new CliRefusal(`De map met sleutels ${keysDir} bestaat niet.`);
  const enrolled = loadEnrolledKeys(keysDir);
  for (const p of enrolled.problems) io.err(enrolmentProblemMessage(p.file, p.reason, 'nl', p.detail));
  const files: ReportFile[] = [];
  let unreadable = 0;
  for (const file of args.positionals) {
    try {
      files.push({ name: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) });
    } catch (error) {
      unreadable += 1;
      io.err(`${file}: kan niet gelezen worden (${(error as Error).message}).`);
    }
  }
  const by = (stringOption(args, 'by') ?? 'province') as 'province' | 'point' | 'postcode';
  const outcome = aggregateReports(files, enrolled.keys, by);
  for (const r of outcome.refused) io.err(reportRefusedMessage(r.file, r.reason, 'nl', r.detail));
  for (const gap of outcome.selection.gaps) io.err(sequenceGapMessage(gap));
  for (const conflict of outcome.selection.conflicts) io.err(sequenceConflictMessage(conflict));
  for (const chainBreak of outcome.selection.chainBreaks) io.err(chainBreakMessage(chainBreak));
  return { ...outcome, unreadable };
}

export const verifyCommand: Command = {
  name: 'verify',
  usage: 'verify BESTAND.lkr.json... --keys MAP',
  summary: 'controleer afhaalrapporten tegen de ingeschreven sleutels (voor de uitgever)',
  options: { keys: { type: 'string' } },
  positionals: [1, 10_000],
  run: (args, io) => {
    const outcome = verifyAll(args, io);
    for (const v of outcome.verified) {
      io.out(
        `${v.file}: geldig — ${v.payload.pointId}, rapport ${v.payload.sequence}, ${v.payload.totals.collected}/${v.payload.totals.cards} afgehaald.`,
      );
    }
    return outcome.refused.length + outcome.unreadable > 0 ? EXIT_REFUSED : EXIT_OK;
  },
};

export const aggregateCommand: Command = {
  name: 'aggregate',
  usage: 'aggregate --keys MAP BESTAND.lkr.json... [--by province|point|postcode] [--format table|csv|json]',
  summary: 'voeg rapporten samen: % afgehaald per provincie, punt of postcode',
  options: { keys: { type: 'string' }, by: { type: 'string' }, format: { type: 'string' } },
  positionals: [1, 10_000],
  run: (args, io) => {
    const by = stringOption(args, 'by') ?? 'province';
    const format = stringOption(args, 'format') ?? 'table';
    if (!['province', 'point', 'postcode'].includes(by))
      throw usageError('--by is province, point of postcode.');
    if (!['table', 'csv', 'json'].includes(format)) throw usageError('--format is table, csv of json.');
    const outcome = verifyAll(args, io);
    io.out(formatAggregate(outcome.table, format as 'table' | 'csv' | 'json'));
    return outcome.refused.length + outcome.unreadable > 0 ? EXIT_REFUSED : EXIT_OK;
  },
};
