import type { Database } from 'better-sqlite3';
import { describeStoreProblem } from '../../../../shared/i18n/storeText';
import { openStore } from '../../../store/openStore';
import type { StoreContext } from '../../../store/storeContext';
import { backupDirFor } from '../../../platform/paths';
import { CliRefusal } from './cliIo';
import type { CliIo } from './cliIo';

/** Opens the store for one command and always closes it, even when the command refuses. */
export async function withStore<T>(
  dbPath: string,
  io: CliIo,
  work: (ctx: StoreContext) => Promise<T> | T,
): Promise<T> {
  const opened = openStore(dbPath);
  if (!opened.ok) throw new CliRefusal(describeStoreProblem(opened));
  const db: Database = opened.value;
  try {
    return await work({ db, clock: io.clock, dbPath, backupDir: backupDirFor(dbPath) });
  } finally {
    db.close();
  }
}
