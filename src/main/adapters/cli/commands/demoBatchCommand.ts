import fs from 'node:fs';
import { readPointRows } from '../../../../shared/batch/readPointRows';
import { parsePostcodeList } from '../../../../shared/domain/pointsDirectory';
import { isIsoDate } from '../../../../shared/time/brussels';
import { demoPackageFor, loadPostcodeWeights, postcodesOfPoint } from '../../../demo/generateDemoCards';
import { POSTCODES_FILE } from '../../../platform/paths';
import {
  DEMO_ISSUER_KEY_FILE,
  DEMO_POINTS_FILE,
  demoCardYear,
  demoPeriod,
  readAsset,
} from '../../../demo/demoDefaults';
import { flag, intOption, requiredOption, stringOption } from '../kit/argValues';
import { CliRefusal, EXIT_OK, usageError } from '../kit/cliIo';
import type { Command } from '../kit/command';
import { cliTexts } from '../kit/cliTexts';

const t = cliTexts();

export const demoBatchCommand: Command = {
  name: 'demo-batch',
  usage: t('cli.cmd.demo-batch.usage'),
  summary: t('cli.cmd.demo-batch.summary'),
  options: {
    point: { type: 'string' },
    name: { type: 'string' },
    cards: { type: 'string' },
    out: { type: 'string' },
    key: { type: 'string' },
    seed: { type: 'string' },
    postcodes: { type: 'string' },
    'batch-id': { type: 'string' },
    'first-serial': { type: 'string' },
    from: { type: 'string' },
    until: { type: 'string' },
    unsigned: { type: 'boolean' },
  },
  positionals: [0, 0],
  run: (args, io) => {
    const pointId = requiredOption(args, 'point').toUpperCase();
    const count = intOption(args, 'cards', 0, [1, 200_000]);
    if (count === 0) throw usageError(t('cli.demo.cardsRequired'));
    const out = requiredOption(args, 'out');
    const seed = intOption(args, 'seed', 1, [0, 2 ** 31]);
    const keyFile = stringOption(args, 'key') ?? DEMO_ISSUER_KEY_FILE;
    const privateKeyPem = flag(args, 'unsigned') ? null : readKey(keyFile);

    const pointsCsv = readAsset(DEMO_POINTS_FILE);
    const knownPoint = readPointRows(pointsCsv).rows.find((p) => p.pointId === pointId);
    const explicit = stringOption(args, 'postcodes');
    const ranges = explicit !== undefined ? parsePostcodeList(explicit) : (knownPoint?.postcodes ?? []);
    if (ranges === null) throw usageError(t('cli.demo.badPostcodes', { list: explicit ?? '' }));
    const postcodes = postcodesOfPoint(loadPostcodeWeights(readAsset(POSTCODES_FILE)), ranges);
    if (postcodes.length === 0) throw new CliRefusal(t('cli.demo.noPostcodes'));

    const cardYear = demoCardYear(io.clock.now());
    const period = demoPeriod(cardYear);
    const availableFrom = stringOption(args, 'from') ?? period.availableFrom;
    const availableUntil = stringOption(args, 'until') ?? period.availableUntil;
    if (!isIsoDate(availableFrom) || !isIsoDate(availableUntil) || availableFrom > availableUntil) {
      throw usageError(t('cli.demo.badDates'));
    }
    const firstSerial = stringOption(args, 'first-serial');
    const batchId = stringOption(args, 'batch-id');
    const bytes = demoPackageFor({
      pointId,
      pointName: stringOption(args, 'name') ?? knownPoint?.naam ?? t('cli.demo.pointName', { pointId }),
      count,
      seed,
      privateKeyPem,
      postcodes,
      availableFrom,
      availableUntil,
      cardYear,
      pointsCsv: new TextEncoder().encode(pointsCsv),
      ...(batchId ? { batchId } : {}),
      ...(firstSerial ? { firstSerial: intOption(args, 'first-serial', 1, [1, 9_999_999_999]) } : {}),
    });
    fs.writeFileSync(out, bytes);
    io.out(t('cli.demo.written', { file: out, count, pointId, bytes: bytes.length }));
    return EXIT_OK;
  },
};

function readKey(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliRefusal(t('cli.demo.keyUnreadable', { file, detail: (error as Error).message }));
  }
}
