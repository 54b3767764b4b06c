import fs from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { keyIdOf, loadPrivateKey } from '../../../platform/crypto/ed25519';
import { ASSETS_DIR } from '../../../platform/paths';
import {
  RELEASE_KEYS_DIR_ENV,
  bundledReleaseKeysDir,
  loadReleaseKeys,
} from '../../../platform/updates/releaseKeys';
import { signFeed, stampFeed } from '../../../platform/updates/signedFeed';
import { intOption, requiredOption } from '../kit/argValues';
import { CliRefusal, EXIT_OK, usageError } from '../kit/cliIo';
import type { Command } from '../kit/command';
import { cliTexts } from '../kit/cliTexts';

const t = cliTexts();

const DAY_MS = 24 * 60 * 60 * 1000;

/** For the release job: stamps and signs an electron-builder `latest*.yml` (docs/release.md). */
export const releaseCommand: Command = {
  name: 'release',
  usage: t('cli.cmd.release.usage'),
  summary: t('cli.cmd.release.summary'),
  options: { key: { type: 'string' }, staging: { type: 'string' }, 'expires-days': { type: 'string' } },
  positionals: [2, 2],
  run: (args, io) => {
    const [sub, file] = args.positionals as [string, string];
    if (sub !== 'sign-feed') throw usageError(t('cli.release.unknownSub', { sub }));
    const keyPem = readText(requiredOption(args, 'key'), t('cli.release.theKey'));
    const key = loadPrivateKey(keyPem);
    if (!key.ok) throw new CliRefusal(t('cli.release.badKey'));
    // A feed signed by a key the app does not pin would be refused by every desk: never publish one.
    const pinned = loadReleaseKeys(io.env[RELEASE_KEYS_DIR_ENV] ?? bundledReleaseKeysDir(ASSETS_DIR)).map(
      keyIdOf,
    );
    if (!pinned.includes(keyIdOf(createPublicKey(key.value))))
      throw new CliRefusal(t('cli.release.notPinned'));
    const now = io.clock.now();
    const stamped = stampFeed(readText(file, t('cli.release.theFeed')), {
      stagingPercentage: intOption(args, 'staging', 100, [0, 100]),
      sequence: Math.floor(now.getTime() / 1000),
      expires: new Date(now.getTime() + intOption(args, 'expires-days', 30, [1, 365]) * DAY_MS).toISOString(),
    });
    if (!stamped.ok) throw new CliRefusal(t('cli.release.notAFeed', { file }));
    const bytes = new TextEncoder().encode(stamped.value);
    fs.writeFileSync(file, bytes);
    fs.writeFileSync(`${file}.sig`, signFeed(bytes, key.value));
    io.out(t('cli.release.signed', { file }));
    return EXIT_OK;
  },
};

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliRefusal(t('cli.release.unreadable', { what, file }));
  }
}
