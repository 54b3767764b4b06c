import fs from 'node:fs';
import path from 'node:path';
import {
  auditProblemMessage,
  chainBreakMessage,
  enrolmentProblemMessage,
  olderReportsMessage,
  otherYearsMessage,
  reportRefusedMessage,
  sequenceConflictMessage,
  sequenceGapMessage,
} from '../../../../shared/i18n/reportText';
import { aggregateReports, blockingProblems } from '../../../useCases/reports/aggregateReports';
import type { AggregateOutcome, ReportFile } from '../../../useCases/reports/aggregateReports';
import { DEFAULT_STALE_DAYS, renderAggregateHtml } from '../../../useCases/reports/aggregateHtml';
import { formatAggregate } from '../../../useCases/reports/formatAggregate';
import { htmlToPdf } from '../../../platform/htmlToPdf';
import { loadPostcodeCells } from '../../../platform/postcodeCells';
import { loadEnrolledKeys } from '../../../useCases/reports/verifyReport';
import { flag, intOption, requiredOption, stringOption } from '../kit/argValues';
import { CliRefusal, EXIT_OK, EXIT_REFUSED, usageError } from '../kit/cliIo';
import type { CliIo } from '../kit/cliIo';
import type { Command, OptionSpec, ParsedArgs } from '../kit/command';
import { cliTexts } from '../kit/cliTexts';

const t = cliTexts();

interface Checked extends AggregateOutcome {
  unreadable: number;
  keyFiles: Map<string, string>;
  /** Conflicts, broken `previous` links, audit anchors going backwards. */
  blocking: number;
}

/** The issuer's side: no store needed, only the enrolled keys and the report files. */
/** `page`: the HTML/PDF page, which counts the sound points and leaves the broken ones out. */
function verifyAll(args: ParsedArgs, io: CliIo, page = false): Checked {
  const keysDir = requiredOption(args, 'keys');
  if (!fs.existsSync(keysDir)) throw new CliRefusal(t('cli.verify.noKeysDir', { dir: keysDir }));
  const enrolled = loadEnrolledKeys(keysDir);
  for (const p of enrolled.problems) io.err(enrolmentProblemMessage(p.file, p.reason, 'nl', p.detail));
  const files: ReportFile[] = [];
  let unreadable = 0;
  for (const file of args.positionals) {
    try {
      files.push({ name: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) });
    } catch (error) {
      unreadable += 1;
      io.err(t('cli.verify.unreadable', { file, detail: (error as Error).message }));
    }
  }
  const by = (stringOption(args, 'by') ?? 'province') as 'province' | 'point' | 'postcode';
  const cardYear =
    stringOption(args, 'card-year') === undefined ? undefined : intOption(args, 'card-year', 0, [2000, 2200]);
  const outcome = aggregateReports(files, enrolled.keys, by, cardYear === undefined ? {} : { cardYear });
  const { selection } = outcome;
  for (const r of outcome.refused) io.err(reportRefusedMessage(r.file, r.reason, 'nl', r.detail));
  for (const gap of selection.gaps) io.err(sequenceGapMessage(gap));
  for (const conflict of selection.conflicts) io.err(sequenceConflictMessage(conflict));
  for (const chainBreak of selection.chainBreaks) io.err(chainBreakMessage(chainBreak));
  for (const problem of selection.auditProblems) io.err(auditProblemMessage(problem));
  for (const older of selection.older)
    io.err(t('cli.verify.notice', { message: olderReportsMessage(older) }));
  if (selection.cardYear !== null && selection.otherYears.length > 0)
    io.err(otherYearsMessage(selection.cardYear, selection.otherYears));
  if (cardYear !== undefined && selection.kept.length === 0 && outcome.verified.length > 0)
    io.err(t('cli.verify.noneOfYear', { cardYear }));
  const blocking = blockingProblems(selection);
  const points = [
    ...new Set(
      [...selection.conflicts, ...selection.chainBreaks, ...selection.auditProblems].map((p) => p.pointId),
    ),
  ].join(', ');
  if (blocking > 0)
    io.err(
      flag(args, 'allow-conflicts')
        ? t('cli.verify.mergedAnyway', { count: blocking })
        : page
          ? t('cli.verify.pageLeftOut', { count: blocking, points })
          : t('cli.verify.chainBroken', { count: blocking }),
    );
  return { ...outcome, unreadable, keyFiles: enrolled.keyFiles, blocking };
}

function exitCode(args: ParsedArgs, checked: Checked): number {
  if (checked.refused.length + checked.unreadable > 0) return EXIT_REFUSED;
  return checked.blocking > 0 && !flag(args, 'allow-conflicts') ? EXIT_REFUSED : EXIT_OK;
}

const CHAIN_OPTIONS: OptionSpec = {
  keys: { type: 'string' },
  'card-year': { type: 'string' },
  'allow-conflicts': { type: 'boolean' },
};

export const verifyCommand: Command = {
  name: 'verify',
  usage: t('cli.cmd.verify.usage'),
  summary: t('cli.cmd.verify.summary'),
  options: { ...CHAIN_OPTIONS, json: { type: 'boolean' } },
  positionals: [1, 10_000],
  run: (args, io) => {
    const checked = verifyAll(args, io);
    const keyFile = (keyid: string) => checked.keyFiles.get(keyid) ?? keyid;
    if (flag(args, 'json')) {
      const rows = checked.verified.map((v) => ({
        file: v.file,
        pointId: v.payload.pointId,
        cardYear: v.payload.cardYear,
        sequence: v.payload.sequence,
        cards: v.payload.totals.cards,
        collected: v.payload.totals.collected,
        audit: v.payload.audit ?? null,
        keyid: v.keyid,
        keyFile: keyFile(v.keyid),
      }));
      io.out(JSON.stringify(rows, null, 2));
    } else {
      for (const v of checked.verified) {
        io.out(
          t('cli.verify.valid', {
            file: v.file,
            pointId: v.payload.pointId,
            cardYear: v.payload.cardYear,
            sequence: v.payload.sequence,
            collected: v.payload.totals.collected,
            cards: v.payload.totals.cards,
            keyFile: keyFile(v.keyid),
          }),
        );
      }
    }
    return exitCode(args, checked);
  },
};

const FORMATS = ['table', 'csv', 'json', 'html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

export const aggregateCommand: Command = {
  name: 'aggregate',
  usage: t('cli.cmd.aggregate.usage'),
  summary: t('cli.cmd.aggregate.summary'),
  options: {
    ...CHAIN_OPTIONS,
    by: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'stale-days': { type: 'string' },
  },
  positionals: [1, 10_000],
  run: async (args, io) => {
    const by = stringOption(args, 'by') ?? 'province';
    const format = (stringOption(args, 'format') ?? 'table') as Format;
    const out = stringOption(args, 'out');
    if (!['province', 'point', 'postcode'].includes(by)) throw usageError(t('cli.aggregate.badBy'));
    if (!FORMATS.includes(format)) throw usageError(t('cli.aggregate.badFormat'));
    if (format === 'pdf' && !out) throw usageError(t('cli.aggregate.pdfNeedsOut'));
    const staleDays = intOption(args, 'stale-days', DEFAULT_STALE_DAYS, [0, 3650]);
    const checked = verifyAll(args, io, format === 'html' || format === 'pdf');
    const write = (text: string) => {
      if (out) fs.writeFileSync(out, text);
      else io.out(text);
    };
    if (format === 'html' || format === 'pdf') {
      // The page is written even with a broken chain: the problems stand at its top, in red.
      const html = renderAggregateHtml({
        outcome: checked,
        map: loadPostcodeCells(),
        now: io.clock.now(),
        staleDays,
        allowConflicts: flag(args, 'allow-conflicts'),
      });
      if (format === 'html') write(html);
      else if (out && !(await htmlToPdf(html, out))) {
        const htmlFile = out.replace(/\.pdf$/i, '') + '.html';
        fs.writeFileSync(htmlFile, html);
        io.err(t('cli.aggregate.noPdf', { file: htmlFile }));
      }
      if (out) io.err(t('cli.aggregate.written', { file: out }));
    } else if (checked.blocking === 0 || flag(args, 'allow-conflicts')) {
      // A broken chain is not merged unless asked: which of two rival reports is true is for a person to decide.
      write(formatAggregate(checked.table, format));
    }
    return exitCode(args, checked);
  },
};
