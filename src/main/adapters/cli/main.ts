import { parseArgs } from 'node:util';
import { defaultDbPath } from '../../platform/paths';
import { CliRefusal, EXIT_REFUSED, EXIT_USAGE, processIo } from './cliIo';
import type { CliIo } from './cliIo';
import type { Command } from './command';
import { COMMANDS } from './commands';
import { cliTexts } from './cliTexts';

const t = cliTexts();

const GLOBAL_OPTIONS = { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

function usage(): string {
  const lines = [
    t('cli.help.title'),
    '',
    t('cli.help.usage'),
    '',
    t('cli.help.commands'),
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`),
    '',
    t('cli.help.database'),
    t('cli.help.exitCodes'),
  ];
  return lines.join('\n');
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const commandIndex = argv.findIndex((arg, i) => !arg.startsWith('-') && argv[i - 1] !== '--db');
  const name = commandIndex >= 0 ? argv[commandIndex] : undefined;
  const command: Command | undefined = COMMANDS.find((c) => c.name === name);
  if (!command) {
    if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) {
      io.out(usage());
      return argv.length === 0 ? EXIT_USAGE : 0;
    }
    io.err(`${t('cli.unknownCommand', { name: name ?? '' })}\n\n${usage()}`);
    return EXIT_USAGE;
  }
  const rest = [...argv.slice(0, commandIndex), ...argv.slice(commandIndex + 1)];
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n${t('cli.commandUsage', { usage: command.usage })}`);
    return EXIT_USAGE;
  }
  if (parsed.values.help) {
    io.out(`${t('cli.commandUsage', { usage: command.usage })}\n${command.summary}`);
    return 0;
  }
  const [min, max] = command.positionals;
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    io.err(`${t('cli.wrongArgCount')}\n${t('cli.commandUsage', { usage: command.usage })}`);
    return EXIT_USAGE;
  }
  const dbPath = typeof parsed.values.db === 'string' ? parsed.values.db : defaultDbPath(io.env);
  try {
    return await command.run({ values: parsed.values, positionals: parsed.positionals, dbPath }, io);
  } catch (error) {
    if (error instanceof CliRefusal) {
      io.err(error.message);
      return error.exitCode;
    }
    io.err(t('cli.unexpected', { detail: (error as Error).stack ?? String(error) }));
    return EXIT_REFUSED;
  }
}

export { EXIT_USAGE };
