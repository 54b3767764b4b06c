import type { DeskProblem } from '../../../shared/i18n/deskText';
import { describeDeskProblem } from '../../../shared/i18n/deskText';
import type { StoreContext } from '../../store/storeContext';
import { checkAdminPin } from '../../useCases/admin/adminPin';
import type { AdminGrant, CheckAdminPinFailure } from '../../useCases/admin/adminPin';
import { stringOption } from './argValues';
import { CliRefusal } from './cliIo';
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

/**
 * The CLI's PIN gate: checks the PIN given (--admin-pin or BALIE_ADMIN_PIN) and gives the grant
 * the use case takes; a wrong, missing-when-required or locked PIN refuses the command.
 */
export function adminGrantArg(
  ctx: StoreContext,
  args: ParsedArgs,
  io: CliIo,
  need: 'required',
  describe?: (failure: CheckAdminPinFailure) => string,
): AdminGrant;
export function adminGrantArg(
  ctx: StoreContext,
  args: ParsedArgs,
  io: CliIo,
  need: 'if_given',
): AdminGrant | null;
export function adminGrantArg(
  ctx: StoreContext,
  args: ParsedArgs,
  io: CliIo,
  need: 'required' | 'if_given',
  describe: (failure: CheckAdminPinFailure) => string = (failure) =>
    describeDeskProblem(failure as DeskProblem),
): AdminGrant | null {
  const pin = adminPinArg(args, io);
  if (pin === null && need === 'if_given') return null;
  const grant = checkAdminPin(ctx, pin ?? '');
  if (!grant.ok) throw new CliRefusal(describe(grant));
  return grant.value;
}
