import { usageError } from './cliIo';
import type { ParsedArgs } from './command';

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredOption(args: ParsedArgs, name: string): string {
  const value = stringOption(args, name);
  if (value === undefined || value.trim() === '') throw usageError(`Optie --${name} is verplicht.`);
  return value;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

export function intOption(args: ParsedArgs, name: string, fallback: number, range: [number, number]): number {
  const raw = stringOption(args, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range[0] || value > range[1]) {
    throw usageError(
      `--${name} moet een geheel getal zijn van ${range[0]} tot ${range[1]} (gekregen: "${raw}").`,
    );
  }
  return value;
}
