// `npm run start:web [-- --db PATH --port N]`: the whole app in a browser against a real store,
// over the loopback HTTP transport. Without --db (or BALIE_DB) it uses the demo store.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../../../shared/time/clock';
import { createApiHandlers } from '../api/handlers';
import { createShellStore } from '../shell/shellStore';
import { DEMO_ADMIN_PIN, openDemoStore } from '../../demo/demoStore';
import { backupDirFor } from '../../platform/paths';
import { openStore } from '../../store/openStore';
import type { StoreContext } from '../../store/storeContext';
import { startHttpTransport } from './httpTransport';
import { createLongWorkRunner } from '../worker/longWorkRunner';
import { DEFAULT_DESK_SYNC_PORT, deskSyncHolder, isPaired, parseListen } from '../sync/deskSync';
import { createProgressHub } from '../worker/progressHub';
import { APP_VERSION, POSTCODES_FILE, RENDERER_DIST } from '../../platform/paths';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string' },
    'demo-dir': { type: 'string' },
    // `HOST:PORT`: also run this desk's sync service (several desks at one point).
    'sync-listen': { type: 'string' },
  },
  strict: true,
});
const dbPath = values.db ?? process.env.BALIE_DB;
let ctx: StoreContext;
let demo = false;
if (dbPath) {
  const opened = openStore(dbPath);
  if (!opened.ok) {
    process.stderr.write(`De database ${dbPath} kan niet geopend worden: ${opened.error}\n`);
    process.exit(1);
  }
  ctx = { db: opened.value, clock: systemClock, dbPath, backupDir: backupDirFor(dbPath) };
} else {
  demo = true;
  const demoPath = path.resolve(values['demo-dir'] ?? '.balie-demo', 'web-demo.sqlite');
  ctx = await openDemoStore(demoPath, systemClock);
}
// Import, reports and backups run in a worker thread; the window follows them at /api/progress.
const progress = createProgressHub();
const env = {
  postcodesFile: POSTCODES_FILE,
  reportsDir: path.join(path.dirname(path.resolve(ctx.dbPath)), 'reports'),
  demoMode: demo,
  ...(demo ? { demoAdminPin: DEMO_ADMIN_PIN } : {}),
  version: APP_VERSION,
};
// `--sync-listen off`: another process (`balie desk serve`) serves this store's sync.
const syncOff = values['sync-listen'] === 'off';
const syncListen = parseListen(
  syncOff
    ? `0.0.0.0:${DEFAULT_DESK_SYNC_PORT}`
    : (values['sync-listen'] ?? `0.0.0.0:${DEFAULT_DESK_SYNC_PORT}`),
);
if (!syncListen) {
  process.stderr.write(`--sync-listen wil HOST:POORT of off, niet ${values['sync-listen'] ?? ''}\n`);
  process.exit(2);
}
let stopping = false;
let attachedOnce = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void Promise.all([transport.close(), shell.close()]).then(() => process.exit(0));
};
// The store with its long work, sync service and handlers; a join from Beheer replaces it (adapters/shell).
const shell = createShellStore(ctx, async (open, ports) => {
  const longWork = createLongWorkRunner(open, { env, publish: progress.publish });
  const sync = deskSyncHolder(open, syncListen);
  if (!syncOff && (values['sync-listen'] !== undefined || isPaired(open))) {
    try {
      const { service } = await sync.ensure();
      process.stdout.write(`Balie sync: ${service.url} ${service.fingerprint}\n`);
    } catch (error) {
      // At start the server does not come up without it; after a join the store stays usable.
      if (!attachedOnce) throw error;
      process.stderr.write(`Balie sync niet gestart: ${String(error)}\n`);
    }
  }
  attachedOnce = true;
  const handlers = createApiHandlers(open, {
    ...env,
    longWork,
    pairing: () => (syncOff ? Promise.resolve(null) : sync.pairing()),
    deskSync: { pause: () => sync.pause(), resume: () => (syncOff ? undefined : sync.resume()) },
    // The demo store is never replaced by a join.
    ...(demo ? {} : { shellStore: ports }),
    quit: stop,
  });
  return {
    handlers,
    stop: async () => {
      await Promise.all([longWork.close(), sync.close()]);
    },
  };
});
await shell.start();
const transport = await startHttpTransport({
  handlers: shell.handlers,
  progress,
  staticDir: RENDERER_DIST,
  ...(values.port ? { port: Number(values.port) } : {}),
});
process.stdout.write(`Balie: ${transport.url}\n`);
process.stdout.write('(de link werkt één keer: hij wordt bij het openen ingeruild voor een sessiecookie)\n');
if (demo) process.stdout.write(`(demo: beheerderspincode ${DEMO_ADMIN_PIN})\n`);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
