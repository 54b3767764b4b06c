import { stringOption } from './argValues';
import type { CliIo } from './cliIo';
import type { ParsedArgs } from './command';

/** Environment variable for the admin PIN: unlike argv, it does not show in the process list. */
export const ADMIN_PIN_ENV = 'BALIE_ADMIN_PIN';

/** --admin-pin, else BALIE_ADMIN_PIN, else null. */
export function adminPinArg(args: ParsedArgs, io: CliIo): string | null {
  const fromArgs = stringOption(args, 'admin-pin');
  if (fromArgs !== undefined) return fromArgs;
  const fromEnv = io.env[ADMIN_PIN_ENV];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : null;
}
