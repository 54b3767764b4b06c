// The Electron main process: a thin shell over the same use cases the CLI and the web transport
// serve. Decisions live in pure modules (src/main/platform: security, policy, updates); this file wires them.
import path from 'node:path';
import fs from 'node:fs';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { electronPrintPdf } from './printToPdf';
import { systemClock } from '../../../shared/time/clock';
import { createApiHandlers } from '../api/handlers';
import { createShellStore } from '../shell/shellStore';
import { DEFAULT_DESK_SYNC_PORT, deskSyncHolder, isPaired } from '../sync/deskSync';
import type { HandlerEnvironment } from '../api/handlers';
import { openDemoStore } from '../../demo/demoStore';

import {
  APP_ROOT,
  ASSETS_DIR,
  POSTCODES_FILE,
  RENDERER_DIST,
  backupDirFor,
  defaultDbPath,
} from '../../platform/paths';
import { applyPolicyPoint } from '../../useCases/admin/applyPolicy';
import { checkDataLocation, dataLocationText } from '../../platform/policy/dataLocation';
import { loadPolicy } from '../../platform/policy/loadPolicy';
import type { Policy } from '../../platform/policy/parsePolicy';
import { policyPath } from '../../platform/policy/policyPath';
import { policyProblemText } from '../../platform/policy/policyText';
import { shellEnvironment } from '../../platform/policy/shellEnvironment';
import { renderStartupProblemPage, policyProblemPage } from '../../platform/policy/startupPage';
import { chooseStore, demoDbPathFor, peekRealStore } from '../../platform/policy/storeChoice';
import { APP_SCHEME_PRIVILEGES } from '../../platform/security/appProtocol';
import { chooseKeyProtector } from '../../platform/keys/keySealing';
import { APP_ENTRY_URL, APP_SCHEME } from '../../platform/security/origin';
import { ensureDailyBackup } from '../../store/dailyBackup';
import { openStore } from '../../store/openStore';
import type { StoreContext } from '../../store/storeContext';
import { createActivityTracker } from '../../platform/updates/deskActivity';
import { updateSettingsFromPolicy } from '../../platform/updates/settingsFromPolicy';
import {
  createUpdateController,
  UPDATES_OFF,
  updateStatusView,
} from '../../platform/updates/updateController';
import type { UpdateStatusView } from '../../../shared/api/apiTypes';
import { BUILD_KIND } from './buildKind';
import { forwardProgressIpc, registerApiIpc } from './ipc';
import { createLongWorkRunner } from '../worker/longWorkRunner';
import { createProgressHub } from '../worker/progressHub';
import { createFileLogger } from './log';
import type { Logger } from './log';
import { buildMenuTemplate } from './menu';
import { registerAppProtocol } from './protocol';
import { bundledReleaseKeysDir } from '../../platform/updates/releaseKeys';
import { createElectronUpdaterPort } from './updater';
import { hardenWebContents, restrictPermissions, showWhenReady, windowOptions } from './window';

const APP_NAME = 'Lerarenkaart Balie';
const PRELOAD = path.join(APP_ROOT, 'out', 'preload', 'preload.cjs');
/** Beheer's view of updates: off until startUpdates runs a controller. */
const updates: { status: () => UpdateStatusView } = { status: () => UPDATES_OFF };
const UPDATE_TICK_MS = 5 * 60 * 1000;
const BACKUP_TICK_MS = 60 * 60 * 1000;

// A packaged release ignores BALIE_POLICY_FILE and BALIE_DEVTOOLS; a packaged test build keeps them.
const shellEnv = shellEnvironment({ packaged: app.isPackaged, buildKind: BUILD_KIND, env: process.env });
const devTools = shellEnv.devTools;
const windowTitle = shellEnv.titleMark ? `${APP_NAME} — ${shellEnv.titleMark}` : APP_NAME;
const dbPath = path.resolve(defaultDbPath(process.env));
const dataDir = path.dirname(dbPath);
// Chromium's profile (caches, the single-instance lock, the updater id) stays in local app data
// too, never in the roaming profile.
app.setPath('userData', path.join(dataDir, 'electron'));
app.setAppUserModelId('be.lerarenkaart.balie');
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

let startupPage: string | null = null;
let mainWindow: BrowserWindow | null = null;
/** The store with its long work, sync service and handlers (adapters/shell: a join replaces it). */
let shellStore: ReturnType<typeof createShellStore> | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    // A job still running rolls back: its transaction never committed.
    void shellStore?.close();
    shellStore = null;
  });
  app.whenReady().then(start, (error: unknown) => {
    process.stderr.write(`startup failed: ${String(error)}\n`);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const log = createFileLogger(path.join(dataDir, 'logs'), () => systemClock.now(), !app.isPackaged);
  log.info(
    `${APP_NAME} ${app.getVersion()} starting (Electron ${process.versions.electron}, ${process.platform})`,
  );
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell, log));
  restrictPermissions(session.defaultSession);
  registerAppProtocol(protocol, { root: RENDERER_DIST, startupPage: () => startupPage, log });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        appName: APP_NAME,
        devTools,
        actions: {
          about: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: `Over ${APP_NAME}`,
              message: `${APP_NAME} ${app.getVersion()}`,
              detail: `Gegevens: ${dataDir}\nLogboek: ${log.file}`,
            }),
          openLogFolder: () => void shell.openPath(path.dirname(log.file)),
          openDataFolder: () => void shell.openPath(dataDir),
        },
      }),
    ),
  );

  if (shellEnv.ignored.length > 0) log.warn(`release build: ignored ${shellEnv.ignored.join(', ')}`);
  if (shellEnv.titleMark) log.warn(`test build (${BUILD_KIND}): developer overrides honoured`);
  const policyFile = policyPath(process.platform, shellEnv.policyEnv);
  const loaded = loadPolicy(policyFile);
  if (loaded.kind === 'invalid') {
    log.error(`policy ${policyFile} invalid: ${JSON.stringify(loaded.problems)}`);
    return showStartupProblem(
      renderStartupProblemPage(policyProblemPage(policyFile, loaded.problems.map(policyProblemText))),
    );
  }
  const policy = loaded.policy;
  log.info(
    loaded.kind === 'valid'
      ? `policy ${policyFile}: locked ${policy.lockedKeys.join(', ') || '(none)'}`
      : `no policy at ${policyFile}`,
  );

  warnAboutDataLocation(log);

  const opened = await openChosenStore(policy, log);
  if (!opened.ok) return showStartupProblem(renderStartupProblemPage(opened.page));

  const keys = chooseKeyProtector(safeStorage);
  if (!keys.sealed) log.warn(`report-signing key stored as a plain file (mode 0600): ${keys.reason}`);

  const env: HandlerEnvironment = {
    postcodesFile: POSTCODES_FILE,
    reportsDir: path.join(dataDir, 'reports'),
    demoMode: opened.demo,
    version: app.getVersion(),
    lockedByPolicy: policy.lockedKeys,
    keyProtector: keys.protector,
    updateStatus: () => updates.status(),
    printPdf: electronPrintPdf,
  };
  // Import, reports and backups run in a worker thread with its own connection; their progress
  // goes to the main window only.
  const progress = createProgressHub();
  forwardProgressIpc(progress, () => mainWindow?.webContents ?? null);
  const tracker = createActivityTracker(systemClock);
  const demo = opened.demo;
  shellStore = createShellStore(
    opened.ctx,
    async (store, ports) => {
      const longWork = createLongWorkRunner(store, {
        env,
        publish: progress.publish,
        protector: keys.protector,
      });
      // Several desks at one point: the sync service on the policy's port (docs/admin.md), started
      // at once on a paired desk, else when Beheer asks for a pairing code.
      const sync = deskSyncHolder(
        store,
        { host: '0.0.0.0', port: policy.deskSyncPort ?? DEFAULT_DESK_SYNC_PORT },
        keys.protector,
      );
      if (!demo && isPaired(store))
        sync.ensure().then(
          ({ service }) => log.info(`desk sync on ${service.url}, fingerprint ${service.fingerprint}`),
          (error: unknown) => log.error(`desk sync not started: ${String(error)}`),
        );
      const handlers = createApiHandlers(store, {
        ...env,
        longWork,
        pairing: () => sync.pairing(),
        deskSync: { pause: () => sync.pause(), resume: () => sync.resume() },
        // The demo store is never replaced by a join.
        ...(demo ? {} : { shellStore: ports }),
        quit: () => app.quit(),
      });
      return {
        handlers,
        stop: async () => {
          await Promise.all([longWork.close(), sync.close()]);
        },
      };
    },
    policy.pointId,
  );
  await shellStore.start();
  registerApiIpc(ipcMain, tracker.wrap(shellStore.handlers), log);
  startUpdates(policy, tracker, log);
  if (!opened.demo) startDailyBackups(log);
  openWindow(PRELOAD);
}

/**
 * One online backup per Brussels day (at start, then checked hourly); the real store only, and
 * never after an unpair wiped it (the shell store is closed then).
 */
function startDailyBackups(log: Logger): void {
  const run = () => {
    const store = shellStore?.current();
    if (!store) return;
    ensureDailyBackup(store).then(
      (file) => file && log.info(`daily backup: ${file}`),
      (error: unknown) => log.error(`daily backup failed: ${(error as Error).message}`),
    );
  };
  run();
  setInterval(run, BACKUP_TICK_MS).unref();
}

type Opened =
  | { ok: true; ctx: StoreContext; demo: boolean }
  | { ok: false; page: Parameters<typeof renderStartupProblemPage>[0] };

async function openChosenStore(policy: Policy, log: Logger): Promise<Opened> {
  const choice = chooseStore({
    policyPointId: policy.pointId,
    realStore: peekRealStore(dbPath),
    demoRequested: process.argv.includes('--demo'),
  });
  if (choice.kind === 'demo') {
    const demoPath = demoDbPathFor(dbPath);
    log.info(`demo mode (${choice.reason}): ${demoPath}`);
    try {
      return { ok: true, ctx: await openDemoStore(demoPath, systemClock), demo: true };
    } catch (error) {
      return { ok: false, page: storeProblem(demoPath, [(error as Error).message]) };
    }
  }
  const db = openStore(dbPath);
  if (!db.ok) {
    log.error(`store ${dbPath}: ${JSON.stringify(db)}`);
    const why =
      db.error === 'db_newer'
        ? `De database is gemaakt door een nieuwere versie (schema ${db.found}, deze versie kent ${db.supported}). Installeer de nieuwste versie.`
        : db.error === 'db_foreign'
          ? 'Dit bestand is geen database van Lerarenkaart Balie.'
          : `De database kan niet geopend worden: ${db.detail}`;
    return { ok: false, page: storeProblem(dbPath, [why]) };
  }
  const ctx: StoreContext = { db: db.value, clock: systemClock, dbPath, backupDir: backupDirFor(dbPath) };
  const applied = applyPolicyPoint(ctx, policy);
  if (!applied.ok) {
    ctx.db.close();
    log.error(`policy point ${policy.pointId ?? ''} not applied: ${JSON.stringify(applied)}`);
    const why =
      applied.error === 'point_has_data'
        ? `De beheersinstellingen noemen afhaalpunt ${policy.pointId ?? ''}, maar deze database bevat al kaarten van ${applied.current}. Gegevens van twee afhaalpunten worden nooit gemengd.`
        : `Het afhaalpunt uit de beheersinstellingen kan niet ingesteld worden (${applied.error}).`;
    return { ok: false, page: storeProblem(dbPath, [why]) };
  }
  if (applied.value.changed) log.info(`point set from policy: ${policy.pointId ?? ''}`);
  return { ok: true, ctx, demo: false };
}

function storeProblem(file: string, problems: string[]) {
  return {
    title: 'Lerarenkaart Balie kan niet starten',
    intro: 'De gegevens van het afhaalpunt kunnen niet veilig geopend worden. Er is niets gewijzigd.',
    file,
    problems,
    advice:
      'Neem contact op met uw IT-dienst. Een back-up terugzetten kan met "balie restore" (zie de beheerdershandleiding).',
  };
}

function warnAboutDataLocation(log: Logger): void {
  let real = dataDir;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    real = fs.realpathSync.native(dataDir);
  } catch {
    // checked again when the store opens
  }
  const warnings = checkDataLocation({
    dataDir,
    realDataDir: real,
    platform: process.platform,
    env: process.env,
  });
  if (warnings.length === 0) return;
  const lines = warnings.map(dataLocationText);
  lines.forEach((l) => log.warn(l));
  void dialog.showMessageBox({
    type: 'warning',
    title: APP_NAME,
    message: 'De gegevensmap staat niet op een lokale schijf',
    detail: lines.join('\n\n'),
  });
}

function startUpdates(policy: Policy, tracker: ReturnType<typeof createActivityTracker>, log: Logger): void {
  const settings = updateSettingsFromPolicy(policy);
  if (!settings.enabled || !app.isPackaged) {
    log.info(
      settings.enabled ? 'updates: not packaged, not checking' : 'updates: off (no updateUrl in policy)',
    );
    return;
  }
  const controller = createUpdateController({
    port: createElectronUpdaterPort(
      settings,
      {
        userDataDir: app.getPath('userData'),
        storeDir: dataDir,
        releaseKeysDir: bundledReleaseKeysDir(ASSETS_DIR),
      },
      log,
      systemClock,
    ),
    clock: systemClock,
    settings,
    currentVersion: app.getVersion(),
    activity: () => tracker.activity(),
    log: (level, message) => log[level](message),
  });
  updates.status = () => updateStatusView(controller.getUpdateStatus());
  tracker.onChange(() => controller.refreshInstallOnQuit());
  void controller.tick();
  setInterval(() => void controller.tick(), UPDATE_TICK_MS).unref();
}

function showStartupProblem(page: string): void {
  startupPage = page;
  openWindow(null);
}

function openWindow(preload: string | null): void {
  mainWindow = new BrowserWindow(windowOptions(preload, windowTitle, devTools && preload !== null));
  if (shellEnv.titleMark) {
    // The page sets its own title; a test build keeps its mark in the title bar whatever it says.
    mainWindow.on('page-title-updated', (event) => event.preventDefault());
  }
  showWhenReady(mainWindow);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(APP_ENTRY_URL);
}
