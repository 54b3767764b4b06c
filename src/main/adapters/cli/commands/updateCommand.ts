import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { feedCheckText } from '../../../../shared/i18n/updateText';
import { ASSETS_DIR } from '../../../platform/paths';
import { parsePolicy } from '../../../platform/policy/parsePolicy';
import { policyPath } from '../../../platform/policy/policyPath';
import { checkFeed, feedCheckJson } from '../../../platform/updates/feedCheck';
import type { FeedCheckInput, FetchBytes } from '../../../platform/updates/feedCheck';
import { feedMarkPath, readFeedMark } from '../../../platform/updates/feedMark';
import {
  RELEASE_KEYS_DIR_ENV,
  bundledReleaseKeysDir,
  loadReleaseKeys,
} from '../../../platform/updates/releaseKeys';
import { requiredOption, stringOption } from '../kit/argValues';
import { CliRefusal, EXIT_OK, EXIT_REFUSED, usageError } from '../kit/cliIo';
import type { CliIo } from '../kit/cliIo';
import type { Command, ParsedArgs } from '../kit/command';
import { CLI_LANG, cliTexts } from '../kit/cliTexts';

const t = cliTexts();

const PLATFORMS = ['win32', 'darwin', 'linux'] as const;
/** This app's version, read only when `update check` runs (not at every `balie` start). */
function appVersion(): string {
  return (
    JSON.parse(fs.readFileSync(path.resolve(ASSETS_DIR, '..', 'package.json'), 'utf8')) as { version: string }
  ).version;
}

/**
 * `balie update check`: the shell's feed verification and decision, minus download and install,
 * so IT can ask "what will the branches do?" from a script. Exit 1 on `refused`, else 0.
 */
export const updateCommand: Command = {
  name: 'update',
  usage: t('cli.cmd.update.usage'),
  summary: t('cli.cmd.update.summary'),
  options: {
    feed: { type: 'string' },
    json: { type: 'boolean' },
    platform: { type: 'string' },
    current: { type: 'string' },
    'machine-id': { type: 'string' },
  },
  positionals: [1, 1],
  run: async (args, io) => {
    if (args.positionals[0] !== 'check') throw usageError(t('cli.update.usage'));
    const input = checkInput(args, io);
    const check = await checkFeed(input);
    const json = feedCheckJson(check, input);
    io.out(args.values.json ? JSON.stringify(json) : feedCheckText(check.reason, check.version, CLI_LANG));
    return check.verdict === 'refused' ? EXIT_REFUSED : EXIT_OK;
  },
};

function checkInput(args: ParsedArgs, io: CliIo): FeedCheckInput {
  const baseUrl = requiredOption(args, 'feed');
  if (!/^https?:\/\//.test(baseUrl)) throw usageError(t('cli.update.feedUrl'));
  const platform = stringOption(args, 'platform') ?? process.platform;
  if (!(PLATFORMS as readonly string[]).includes(platform))
    throw usageError(t('cli.update.platform', { platform }));
  const current = stringOption(args, 'current') ?? appVersion();
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(current))
    throw usageError(t('cli.update.current', { current }));
  const policy = readPolicy(io);
  const keysDir = io.env[RELEASE_KEYS_DIR_ENV] ?? bundledReleaseKeysDir(ASSETS_DIR);
  return {
    baseUrl,
    channel: policy?.updateChannel ?? 'latest',
    platform: platform as NodeJS.Platform,
    arch: os.arch(),
    currentVersion: current,
    pinnedKeys: loadReleaseKeys(keysDir),
    lastAccepted: readFeedMark(feedMarkPath(path.dirname(args.dbPath))),
    // electron-updater keeps the staging id in the shell's userData; the CLI has one only with --machine-id.
    stagingUserId: stringOption(args, 'machine-id') ?? null,
    installWindow: policy?.installWindow ?? null,
    now: io.clock.now(),
    fetchBytes: proxiedFetch(io),
  };
}

function readPolicy(io: CliIo) {
  const file = policyPath(process.platform, io.env);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const policy = parsePolicy(text);
  if (!policy.ok) throw new CliRefusal(t('cli.update.badPolicy', { file }));
  return policy.value;
}

/** Node's fetch, through the system's HTTP(S)_PROXY/NO_PROXY like the shell's network stack. */
function proxiedFetch(io: CliIo): FetchBytes {
  const withProxy = http as unknown as {
    setGlobalProxyFromEnv?: (env: Record<string, string | undefined>) => void;
  };
  withProxy.setGlobalProxyFromEnv?.(io.env);
  return async (url) => {
    try {
      const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(20_000) });
      if (response.status === 404) return { ok: false, reason: 'not_found' };
      if (!response.ok) return { ok: false, reason: 'http_error' };
      return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()) };
    } catch {
      return { ok: false, reason: 'network' };
    }
  };
}
