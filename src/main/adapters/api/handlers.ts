import type {
  AdminPinRule,
  ApiHandlers,
  ApiMethod,
  ApiParsedArgs,
  ApiResponse,
} from '../../../shared/api/contract';
import { apiContract, API_METHODS } from '../../../shared/api/contract';
import { parseRequest } from '../../../shared/api/parseRequest';
import type { PairingView, UpdateStatusView } from '../../../shared/api/apiTypes';
import { renderGroupReceiptHtml } from '../../../shared/desk/receipt';
import { fail, ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import type { ShellStorePorts } from '../shell/shellStore';
import { storeHoldsNothing } from '../../useCases/point/storeHoldsNothing';
import type { KeyProtector } from '../../platform/keys/installationKey';
import { loadPostcodeCells } from '../../platform/postcodeCells';
import { loadPostcodePlaces } from '../../platform/postcodePlaces';
import { UPDATES_OFF } from '../../platform/updates/updateController';
import type { PostcodePlace } from '../../platform/postcodePlaces';
import type { StoreContext } from '../../store/storeContext';
import { checkAdminPin, hasAdminPin, setAdminPin } from '../../useCases/admin/adminPin';
import type { AdminGrant, CheckAdminPinFailure } from '../../useCases/admin/adminPin';
import { readAuditView } from '../../useCases/admin/auditView';
import { backupNow, listBackupInfo } from '../../useCases/admin/backups';
import { readOverview, readPostcodeMap } from '../../useCases/overview/overview';
import { exportOverviewPdf, type PrintPdf } from '../../useCases/overview/overviewPdf';
import { changePointSettings, readPointSettings } from '../../useCases/admin/pointSettings';
import { readSession } from '../../useCases/admin/session';
import type { ShellFacts } from '../../useCases/admin/session';
import { checkCard } from '../../useCases/desk/checkCard';
import { collectGroup } from '../../useCases/desk/collectGroup';
import { readGroupReceipt } from '../../useCases/desk/groupReceipt';
import { handOut } from '../../useCases/desk/handOut';
import { likelyPointFor } from '../../useCases/desk/pointsDirectory';
import { waitingCardsOfSchool } from '../../useCases/desk/schoolCards';
import { searchCards } from '../../useCases/desk/searchCards';
import { voidHandOut } from '../../useCases/desk/voidHandOut';
import { listAnomalies, resolveAnomaly } from '../../useCases/point/anomalies';
import { readPointDesks, readPointStatusView } from '../../useCases/point/deskStatus';
import { hostNameIfNotHost } from '../../useCases/point/pointRole';
import { revokeDesk } from '../../useCases/point/revokeDesk';
import { unpairDesk } from '../../useCases/point/unpairDesk';
import { handOverTo } from '../../useCases/point/handOverTo';
import { takeOver } from '../../useCases/point/hostRole';
import { thisDeskOf } from '../../useCases/point/thisDesk';
import { pointRole } from '../../useCases/point/pointRole';
import { deskCertificateDirFor, loadOrCreateDeskCertificate } from '../../platform/lan/deskCertificate';
import { ownDesk } from '../../store/deskNames';
import { afterPendingClaims, writeThroughHost } from '../../useCases/point/claimThroughHost';
import { openHostLink } from '../../useCases/point/hostLink';
import { importBatch } from '../../useCases/import/importBatch';
import { exportReport } from '../../useCases/reports/exportReport';
import { startNewYearFromBeheer } from '../../useCases/year/newYear';
import { isLongWork } from '../../../shared/api/progress';
import type { LongWork, Progress } from '../../../shared/api/progress';

export interface HandlerEnvironment extends ShellFacts {
  /** assets/be-postcodes.csv, for the map. */
  postcodesFile: string;
  /** Where exported reports are kept (next to the database). */
  reportsDir: string;
  /** Seals the report-signing key (safeStorage in the Electron shell); plain file otherwise. */
  keyProtector?: KeyProtector;
  /** Prints the Overzicht's page to PDF (the Electron shell's own Chromium); default platform/htmlToPdf. */
  printPdf?: PrintPdf;
  /** Largest accepted package (bytes). */
  maxPackageBytes?: number;
  /** The update controller's status (the shell's); without it Beheer shows updates as off. */
  updateStatus?: () => UpdateStatusView;
  /**
   * Runs the use case of every method the contract declares `long` off the request path (a
   * worker thread, adapters/worker) and publishes its progress; without it they run here.
   */
  longWork?: LongWorkPort;
  /** The shell's sync service: a new pairing code (started on first use). Without it, pairing is off. */
  pairing?: () => Promise<PairingView | null>;
  /** The shell's sync service, stopped while this desk unpairs (the wipe needs the store alone). */
  deskSync?: { pause(): Promise<void>; resume(): void };
  /** The shell's hold on its store (adapters/shell/shellStore): a join in its place, the unpair's end. */
  shellStore?: ShellStorePorts;
  /** Ends the shell (Electron: app.quit(); start:web: the server stops); offered after an unpair. */
  quit?: () => void;
}

/** The way a `long` method's use case leaves the request path; the runner implements it. */
export interface LongWorkPort {
  run(method: LongWork, args: unknown, grant: AdminGrant | null | undefined): Promise<unknown>;
  /**
   * Resolves at once, or when the long work now in its write transaction is done: a writing
   * method waits here, asynchronously, instead of blocking the main thread on the store's lock.
   */
  writesIdle(): Promise<void>;
}

/** What a long use case reports back while it runs in the worker. */
export interface LongWorkHooks {
  progress: (p: Progress) => void;
  /** The use case is about to take the write lock (see LongWorkPort.writesIdle). */
  holdWrites: () => void;
}

/** What a worker thread needs to run a `long` use case: the environment without its functions. */
export type LongWorkEnvironment = Omit<
  HandlerEnvironment,
  'keyProtector' | 'updateStatus' | 'longWork' | 'printPdf'
>;

/** The grant a method's use case gets, from its contract `adminPin` fact. */
type GrantFor<R> = R extends 'required' ? AdminGrant : R extends 'none' ? undefined : AdminGrant | null;
/** A method's arguments as its use case gets them: parsed, and without the PIN the gate took. */
type UseCaseArgs<M extends ApiMethod> = ApiContract[M]['adminPin'] extends 'none'
  ? ApiParsedArgs<M>
  : Omit<ApiParsedArgs<M>, 'adminPin'>;
type ApiContract = typeof apiContract;
type Implementation = {
  [M in ApiMethod]: (
    args: UseCaseArgs<M>,
    grant: GrantFor<ApiContract[M]['adminPin']>,
  ) => Promise<ApiResponse<M>> | ApiResponse<M>;
};

/**
 * The API's handlers over one store, one line a method: each calls its use case. What every
 * method shares comes from its contract entry: the arguments are parsed once with its schema (no
 * transport can skip it) and the use case gets the parsed value; a method the admin PIN guards
 * has it checked here first, and its use case gets the grant.
 */
export function createApiHandlers(ctx: StoreContext, env: HandlerEnvironment): ApiHandlers {
  const impl = implementation(ctx, env);
  const handlers = {} as Record<ApiMethod, (raw: unknown) => Promise<unknown>>;
  for (const name of API_METHODS) {
    const { args: schema, adminPin, long, writes } = apiContract[name];
    const run = impl[name] as (args: unknown, grant: AdminGrant | null | undefined) => unknown;
    const offThePath = long && isLongWork(name) && env.longWork ? { port: env.longWork, method: name } : null;
    handlers[name] = async (raw) => {
      const parsed = parseRequest(schema, raw ?? {});
      if (!parsed.ok) return parsed;
      const gate = pinGate(ctx, adminPin as AdminPinRule<unknown>, parsed.value);
      if (!gate.ok) return gate;
      if (offThePath) return offThePath.port.run(offThePath.method, gate.value.args, gate.value.grant);
      if (writes && env.longWork) await env.longWork.writesIdle();
      // A write never lands inside a claim's open transaction on this connection (it would be
      // rolled back with it when the host answers "taken"). The check and the write run in one
      // synchronous stretch, so no claim can begin in between.
      if (writes)
        for (let waits = 0; waits < 1000; waits += 1) {
          await afterPendingClaims(ctx);
          if (!ctx.db.inTransaction) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      return run(gate.value.args, gate.value.grant);
    };
  }
  return handlers as unknown as ApiHandlers;
}

/** Checks the admin PIN as the method's rule says, and takes it out of the use case's arguments. */
function pinGate(
  ctx: StoreContext,
  rule: AdminPinRule<unknown>,
  args: unknown,
): Result<{ args: unknown; grant: AdminGrant | null | undefined }, CheckAdminPinFailure> {
  if (rule === 'none') return ok({ args, grant: undefined });
  const { adminPin, ...rest } = args as { adminPin?: string };
  const need = rule === 'required' ? 'always' : rule === 'if_given' ? 'if_given' : rule.when(args);
  const check =
    need === 'always' ||
    (need === 'if_given' && adminPin !== undefined) ||
    (need === 'if_set' && hasAdminPin(ctx));
  if (!check) return ok({ args: rest, grant: null });
  const grant = checkAdminPin(ctx, adminPin ?? '');
  if (!grant.ok) return grant;
  return ok({ args: rest, grant: grant.value });
}

/**
 * A `long` method's use case, as the worker thread runs it (adapters/worker/longWorkEntry.ts) on
 * its own connection: the arguments parsed and the PIN checked on the main thread already.
 */
export function runLongUseCase(
  ctx: StoreContext,
  env: HandlerEnvironment,
  method: LongWork,
  args: unknown,
  grant: AdminGrant | null | undefined,
  hooks: LongWorkHooks,
): Promise<unknown> {
  const run = implementation(ctx, env, hooks)[method] as (
    args: unknown,
    grant: AdminGrant | null | undefined,
  ) => unknown;
  return Promise.resolve(run(args, grant));
}

/** This desk's TLS identity (made on first use), as the sync service uses it. */
function deskIdentity(ctx: StoreContext) {
  return loadOrCreateDeskCertificate(
    deskCertificateDirFor(ctx.dbPath),
    ownDesk(ctx.db)?.name ?? 'Balie',
    ctx.clock,
  );
}

/** Start and end of work that has no finer steps to report. */
async function stepped<T>(progress: (done: number) => void, work: () => T | Promise<T>): Promise<T> {
  progress(0);
  const value = await work();
  progress(1);
  return value;
}

const NO_HOOKS: LongWorkHooks = { progress: () => {}, holdWrites: () => {} };

function implementation(ctx: StoreContext, env: HandlerEnvironment, hooks = NO_HOOKS): Implementation {
  const { db } = ctx;
  const { progress } = hooks;
  const reports = { reportsDir: env.reportsDir, protector: env.keyProtector };
  let places: Map<string, PostcodePlace> | null = null;
  const link = openHostLink(ctx);
  let unpaired = false;

  return {
    session: () => ok(readSession(ctx, env)),
    search: ({ query, limit }) => ok(searchCards(db, query, limit ?? 50)),
    checkCard: (args) => ok(checkCard(ctx, args)),
    whereIsPostcode: ({ postcode }) => ok(likelyPointFor(db, postcode)),
    // On a paired desk these three go through the host's claim first (useCases/point/claimThroughHost).
    handOut: async (args) => writeThroughHost(ctx, link, () => handOut(ctx, args)),
    voidHandOut: async (args, grant) => writeThroughHost(ctx, link, () => voidHandOut(ctx, args, grant)),
    collectGroup: async (args) => {
      const result = await writeThroughHost(ctx, link, () => collectGroup(ctx, args));
      if (!result.ok) return result;
      const receipt = readGroupReceipt(db, result.value.groupId);
      return ok({ ...result.value, receiptHtml: receipt ? renderGroupReceiptHtml(receipt) : '' });
    },
    groupReceipt: ({ groupId }) => {
      const receipt = readGroupReceipt(db, groupId);
      return receipt ? ok({ html: renderGroupReceiptHtml(receipt) }) : fail('not_found');
    },
    schoolWaiting: ({ school }) => ok(waitingCardsOfSchool(db, school)),
    overview: () => ok(readOverview(ctx)),
    pointStatus: () => ok(readPointStatusView(ctx)),
    pointDesks: () => ok(readPointDesks(ctx)),
    openPairing: async () => {
      const host = hostNameIfNotHost(db);
      if (host !== null) return fail('not_host', { host });
      const pairing = env.pairing ? await env.pairing() : null;
      return pairing ? ok(pairing) : fail('sync_unavailable');
    },
    revokeDesk: ({ name }) => revokeDesk(ctx, name),
    handOverHost: async ({ to }) => {
      const identity = await deskIdentity(ctx);
      const moved = await handOverTo(
        ctx,
        identity,
        thisDeskOf(db, identity.fingerprint),
        to,
        env.keyProtector,
      );
      if (moved.ok) return moved;
      switch (moved.error) {
        case 'unreachable':
          return fail('desk_unreachable', { name: moved.name });
        case 'refused_by_desk':
          return fail('handover_refused', { name: moved.name, behind: moved.reason === 'behind' });
        default:
          return moved;
      }
    },
    takeOverHost: () => takeOver(ctx, env.keyProtector),
    unpairThisDesk: async ({ force }) => {
      if (pointRole(db) === 'host') return fail('is_host');
      const identity = await deskIdentity(ctx);
      await env.deskSync?.pause();
      const done = await unpairDesk(ctx, identity, thisDeskOf(db, identity.fingerprint), { force });
      if (!done.ok) {
        env.deskSync?.resume();
        return done;
      }
      unpaired = true;
      await env.shellStore?.wiped();
      return ok({ host: done.value.host, hostName: done.value.hostName, removed: done.value.removed.length });
    },
    quitAfterUnpair: () => {
      if (!unpaired) return fail('not_unpaired');
      if (!env.quit) return fail('quit_unavailable');
      // After this answer has left: the window shows it, then the shell ends.
      setTimeout(env.quit, 200);
      return ok(true as const);
    },
    joinThisDesk: async ({ url, code, deskName }) => {
      if (!storeHoldsNothing(db)) return fail('store_not_empty');
      if (!env.shellStore) return fail('sync_unavailable');
      const joined = await env.shellStore.joinPoint({ url, code, deskName });
      if (!joined.ok) return joined;
      const { pointId, hostFingerprint, cards, events } = joined.value;
      return ok({ pointId, hostFingerprint, cards, events });
    },
    anomalies: () => ok(listAnomalies(db)),
    resolveAnomaly: (args) => resolveAnomaly(ctx, args),
    postcodeMap: () => ok(readPostcodeMap(ctx, (places ??= loadPostcodePlaces(env.postcodesFile)))),
    overviewPdf: ({ lang }) =>
      exportOverviewPdf(ctx, (places ??= loadPostcodePlaces(env.postcodesFile)), loadPostcodeCells(), lang, {
        saveDir: env.reportsDir,
        print: env.printPdf,
      }),
    importPackage: async ({ contentBase64, allowUnsigned, preview }) => {
      const bytes = Buffer.from(contentBase64, 'base64');
      if (bytes.length > (env.maxPackageBytes ?? 250 * 1024 * 1024)) return fail('package_too_large');
      return importBatch(ctx, bytes, {
        allowUnsigned,
        preview,
        onProgress: (p) => progress({ work: 'importPackage', ...p }),
        beforeApply: hooks.holdWrites,
      });
    },
    exportReport: (_args, grant) =>
      stepped(
        (done) => progress({ work: 'exportReport', phase: 'report', done, total: 1 }),
        () => exportReport(ctx, reports, grant),
      ),
    newYear: (args, grant) =>
      stepped(
        (done) => progress({ work: 'newYear', phase: 'close', done, total: 1 }),
        () => startNewYearFromBeheer(ctx, args, reports, grant),
      ),
    settings: () => ok(readPointSettings(ctx)),
    changeSettings: (args, grant) => changePointSettings(ctx, args, grant),
    verifyAdminPin: ({ pin }) => {
      const result = checkAdminPin(ctx, pin);
      return result.ok ? ok(true as const) : result;
    },
    setAdminPin: ({ newPin, currentPin }) => {
      const result = setAdminPin(ctx, newPin, currentPin);
      return result.ok ? ok(true as const) : result;
    },
    auditLog: (args, grant) => ok(readAuditView(ctx, args, grant)),
    backups: (_args, grant) => ok(listBackupInfo(ctx, grant)),
    backupNow: async (_args, grant) =>
      ok(await backupNow(ctx, grant, (p) => progress({ work: 'backupNow', ...p }))),
    updateStatus: () => ok(env.updateStatus ? env.updateStatus() : UPDATES_OFF),
  };
}
