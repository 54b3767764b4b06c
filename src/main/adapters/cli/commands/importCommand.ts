import { openFileSource, type ZipSource } from '../../../platform/zip/zipSource';
import type { StoreContext } from '../../../store/storeContext';
import { describeImportProblem } from '../../../../shared/i18n/importProblemText';
import { describeStoreProblem } from '../../../../shared/i18n/storeText';
import { assertNever } from '../../../../shared/result';
import { importBatch } from '../../../useCases/import/importBatch';
import type { ImportSummary } from '../../../../shared/batch/importSummary';
import { flag } from '../kit/argValues';
import { CliRefusal, EXIT_OK, EXIT_REFUSED } from '../kit/cliIo';
import type { CliIo } from '../kit/cliIo';
import type { Command, ParsedArgs } from '../kit/command';
import { withStore } from '../kit/withStore';
import { checkAdminPin, hasAdminPin } from '../../../useCases/admin/adminPin';
import { describeDeskProblem } from '../../../../shared/i18n/deskText';
import { adminPinArg } from '../kit/adminPinArg';
import { formatProblemList } from './formatProblems';
import { countProblems } from '../../../../shared/batch/problemCollector';
import { cliTexts } from '../kit/cliTexts';
import type { CliPlainKey } from '../kit/cliTexts';

const t = cliTexts();

export const importCommand: Command = {
  name: 'import',
  usage: t('cli.cmd.import.usage'),
  summary: t('cli.cmd.import.summary'),
  options: {
    'allow-unsigned': { type: 'boolean' },
    preview: { type: 'boolean' },
    json: { type: 'boolean' },
    'admin-pin': { type: 'string' },
  },
  positionals: [1, 1],
  run: (args, io) =>
    withStore(args.dbPath, io, async (ctx) => {
      const file = args.positionals[0] as string;
      // Read from disk a chunk at a time: a package may be 200 MiB and is never held whole.
      let source: ReturnType<typeof openFileSource>;
      try {
        source = openFileSource(file);
      } catch (error) {
        throw new CliRefusal(
          describeStoreProblem({ error: 'unreadable_file', path: file, detail: (error as Error).message }),
        );
      }
      try {
        return await importFrom(source, file, args, io, ctx);
      } finally {
        source.close();
      }
    }),
};

async function importFrom(
  source: ZipSource,
  file: string,
  args: ParsedArgs,
  io: CliIo,
  ctx: StoreContext,
): Promise<number> {
  // An import is an admin action once a PIN is set (before that, the installation is being set up).
  // An unsigned preview reads an untrusted file to its end: it needs the PIN as well.
  const needsPin = !flag(args, 'preview') || flag(args, 'allow-unsigned');
  if (needsPin && hasAdminPin(ctx)) {
    const pin = checkAdminPin(ctx, adminPinArg(args, io) ?? '');
    if (!pin.ok) throw new CliRefusal(describeDeskProblem(pin));
  }
  const result = await importBatch(ctx, source, {
    allowUnsigned: flag(args, 'allow-unsigned'),
    preview: flag(args, 'preview'),
  });
  const json = flag(args, 'json');
  if (result.ok) {
    if (json) io.out(JSON.stringify(summaryJson(result.value), null, 2));
    else printSummary(io, result.value, flag(args, 'preview'));
    return EXIT_OK;
  }
  switch (result.error) {
    case 'not_initialized':
    case 'unreadable_file':
    case 'store_full':
    case 'store_busy':
      throw new CliRefusal(describeStoreProblem(result));
    case 'not_host':
      throw new CliRefusal(t('point.refused.notHost', { host: result.host }));
    case 'invalid_package':
      if (json) {
        io.out(
          JSON.stringify(
            { ok: false, error: 'invalid_package', problems: result.problems.map(problemJson) },
            null,
            2,
          ),
        );
      }
      io.err(`${t('cli.import.refused', { file })}\n${formatProblemList(result.problems)}`);
      return EXIT_REFUSED;
    default:
      return assertNever(result);
  }
}

function problemJson(p: Parameters<typeof describeImportProblem>[0]) {
  return { ...p, message: describeImportProblem(p) };
}

function summaryJson(s: ImportSummary) {
  return { ...s, warnings: s.warnings.map(problemJson) };
}

function printSummary(io: CliIo, s: ImportSummary, preview: boolean): void {
  if (s.alreadyImported) {
    io.out(t('cli.import.already', { batchId: s.batchId }));
    return;
  }
  io.out(
    t('cli.import.summary', {
      head: t(preview ? 'cli.import.headPreview' : 'cli.import.headDone'),
      batchId: s.batchId,
      pointId: s.pointId,
      from: s.availableFrom,
      until: s.availableUntil,
    }),
  );
  if (s.signature === 'unsigned_override') {
    io.out(t('cli.import.unsigned'));
  }
  const rows: [CliPlainKey, number][] = [
    ['cli.import.row.added', s.added],
    ['cli.import.row.updated', s.updated],
    ['cli.import.row.unchanged', s.unchanged],
    ['cli.import.row.revoked', s.revoked],
    ['cli.import.row.replaced', s.replaced],
    ['cli.import.row.skippedOlder', s.skippedOlder],
    ['cli.import.row.warnings', countProblems(s.warnings)],
  ];
  for (const [label, n] of rows) io.out(`  ${t(label).padEnd(22)}${String(n).padStart(8)}`);
  if (s.warnings.length > 0) io.out(formatProblemList(s.warnings));
  if (s.backup) io.out(t('cli.backupFirst', { file: s.backup }));
}
