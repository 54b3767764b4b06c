import path from 'node:path';
import type { ApiHandlers } from '../../src/shared/api/contract';
import { createApiHandlers } from '../../src/main/adapters/api/handlers';
import { POSTCODES_FILE } from '../../src/main/platform/paths';
import type { StoreContext } from '../../src/main/store/storeContext';
import { createLongWorkRunner } from '../../src/main/adapters/worker/longWorkRunner';
import type { Progress } from '../../src/shared/api/progress';

/**
 * The API's handlers over a test store, as both transports serve them: the boundary where
 * arguments are validated and the admin PIN is checked before a use case runs.
 */
export function apiOver(store: StoreContext): ApiHandlers {
  return createApiHandlers(store, {
    postcodesFile: POSTCODES_FILE,
    reportsDir: path.join(path.dirname(store.dbPath), 'reports'),
    demoMode: false,
    version: '0.0.0-test',
  });
}

/**
 * The same handlers with long work in a real worker thread (its own connection to the store
 * file), every progress value collected in `progress`; close() stops the runner.
 */
export function apiWithLongWork(store: StoreContext) {
  const env = {
    postcodesFile: POSTCODES_FILE,
    reportsDir: path.join(path.dirname(store.dbPath), 'reports'),
    demoMode: false,
    version: '0.0.0-test',
  };
  const progress: Progress[] = [];
  const runner = createLongWorkRunner(store, { env, publish: (p) => progress.push(p) });
  return { api: createApiHandlers(store, { ...env, longWork: runner }), runner, progress };
}
