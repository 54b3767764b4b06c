import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './cliIo';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  /** Resolved database path (--db, BALIE_DB, or the per-user default). */
  dbPath: string;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  options: OptionSpec;
  /** How many positional arguments: [min, max]. */
  positionals: [number, number];
  run(args: ParsedArgs, io: CliIo): Promise<number> | number;
}
