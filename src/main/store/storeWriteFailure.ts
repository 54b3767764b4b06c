import { fail } from '../../shared/result';
import type { StoreWriteFailure } from '../../shared/result';

/**
 * A write the store could not make, as a value the desk can show: a full disk (SQLite's
 * SQLITE_FULL, or ENOSPC from a file next to it) or another desk holding the store past the busy
 * timeout. SQLite has rolled the transaction back, so nothing was written. Anything else is a bug
 * and stays an exception.
 */
export function storeWriteFailure(error: unknown): StoreWriteFailure | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return fail('store_full');
  if (code === 'SQLITE_BUSY') return fail('store_busy');
  return null;
}
