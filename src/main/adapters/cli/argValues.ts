import { usageError } from './cliIo';
import type { ParsedArgs } from './command';
import { cliTexts } from './cliTexts';

const t = cliTexts();

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredOption(args: ParsedArgs, name: string): string {
  const value = stringOption(args, name);
  if (value === undefined || value.trim() === '') throw usageError(t('cli.optionRequired', { name }));
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
    throw usageError(t('cli.intOption', { name, from: range[0], to: range[1], raw }));
  }
  return value;
}
