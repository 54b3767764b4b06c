import { z } from 'zod';
import type { ImportFailure, ImportSummary } from '../batch/importSummary';
import type { CardSummary } from '../cards/cardStatus';
import { groupRequestSchema, handOutRequestSchema, voidRequestSchema } from '../desk/deskRequests';
import type {
  GroupDone,
  GroupFailure,
  HandOutDone,
  HandOutFailure,
  PinFailure,
  PointInfo,
  VoidDone,
  VoidFailure,
} from '../desk/deskResults';
import type { DeskNameFailure } from '../desk/deskName';
import type { Failure, Result } from '../result';
import { isIsoDate } from '../time/brussels';
import type {
  AnomalyView,
  AuditView,
  BackupInfo,
  CardCheck,
  InvalidRequest,
  OverviewStats,
  PostcodeMapPoint,
  PointStatusView,
  PointDeskView,
  PairingView,
  NewYearView,
  ReportExport,
  SessionInfo,
  UpdateStatusView,
} from './apiTypes';
import { asResult, unavailable } from './transportFailure';
import type { TransportFailure } from './transportFailure';

/**
 * The one API between the desk UI and the store, declared once. Electron IPC and the loopback
 * HTTP transport serve these same methods. Next to each method's schema the contract declares
 * what the shell and the transports must know about it, so nothing keeps a side list:
 * - `writes`: it changes the store (cards, batches, reports, backups); an update never installs
 *   while one runs (platform/updates/deskActivity reads this);
 * - `adminPin`: whether the admin PIN guards it. The boundary checks the PIN before the use case
 *   runs and hands it a grant (adapters/api/handlers reads this); any rule but `none` adds the PIN
 *   failures to the method's failures;
 * - `long`: it can take seconds (a 200,000-card import): the phases it reports progress in. The
 *   handlers run it in a worker thread, off the request path, and the transports carry its
 *   progress (api/progress derives its types and schema from these phases).
 * The arguments are validated with the schema once, at the boundary, whatever the transport, and
 * the use case gets the parsed value. Every method answers with a Result value; besides its own
 * failures, every method can answer with a TransportFailure (no answer, or a handler bug), the
 * same value over both transports.
 */
export type AdminPinRule<A> =
  | 'none'
  /** Always: the arguments carry `adminPin`, checked before the use case runs. */
  | 'required'
  /** Checked when the arguments carry one; the use case decides from its data whether it needs it. */
  | 'if_given'
  /**
   * Decided by the arguments: always, only once a PIN is set (`if_set`), or not at all (e.g. a
   * preview of a signed package needs none).
   */
  | { readonly when: (args: A) => 'always' | 'if_set' | 'never' };

export interface MethodFacts<A> {
  writes: boolean;
  adminPin: AdminPinRule<A>;
  /** The progress phases of long work, in order; false for a quick call. */
  long: readonly string[] | false;
}

interface Method<
  S extends z.ZodType,
  V,
  F,
  P extends AdminPinRule<z.output<S>>,
  L extends readonly string[] | false,
> extends MethodFacts<z.output<S>> {
  args: S;
  adminPin: P;
  long: L;
  /** Phantom fields: carry the value and failure types, never set at run time. */
  value?: [V];
  failure?: [F];
}

function method<V, F = never>() {
  return <
    S extends z.ZodType,
    const P extends AdminPinRule<z.output<S>> = 'none',
    const L extends readonly string[] | false = false,
  >(declared: {
    args: S;
    writes?: boolean;
    adminPin?: P;
    long?: L;
  }): Method<S, V, F, P, L> => {
    const adminPin = (declared.adminPin ?? 'none') as P;
    if (adminPin !== 'none' && !hasAdminPinField(declared.args))
      throw new Error('a method guarded by the admin PIN must carry adminPin in its arguments');
    const long = (declared.long ?? false) as L;
    return { args: declared.args, writes: declared.writes ?? false, adminPin, long };
  };
}

function hasAdminPinField(schema: z.ZodType): boolean {
  return schema instanceof z.ZodObject && 'adminPin' in schema.shape;
}

const none = z.object({}).strict();
const card = z.string().regex(/^\d{12}$/);
const postcode = z.string().regex(/^\d{4}$/);
const adminPin = z.string().max(12);
const withPin = { adminPin };

/** The largest package an import carries, as base64 characters (about 225 MiB of package). */
export const MAX_PACKAGE_BASE64_CHARS = 300 * 1024 * 1024;

export type SettingsView = {
  pointId: string | null;
  pointName: string | null;
  deskId: string | null;
  /** This desk's name ("Balie 1"); null before the store is initialised. */
  deskName: string | null;
  ownLastDay: string | null;
  effectiveLastDay: string | null;
  staff: string[];
  maxGroupSize: number;
  retentionDays: number;
};

export type SetPinFailure =
  | Failure<'pin_not_digits'>
  | Failure<'pin_too_short', { minDigits: number }>
  | Failure<'pin_too_long', { maxDigits: number }>
  | Failure<'pin_too_simple'>
  | Failure<'pin_current_required'>
  | PinFailure;

export type ReportExportFailure =
  | Failure<'not_initialized'>
  | Failure<'not_host', { host: string }>
  | Failure<'no_batches'>
  | Failure<'write_failed', { file: string; detail: string }>
  | Failure<'key_unreadable', { file: string; sealed: boolean }>;

export type NewYearFailure =
  | ReportExportFailure
  | Failure<'nothing_to_close'>
  | Failure<'year_not_after', { cardYear: number; currentYear: number }>
  | Failure<'unknown_staff', { staff: string }>;

/** Why a join from Beheer was refused; nothing changed. */
export type JoinThisDeskFailure =
  | Failure<'store_not_empty'>
  | Failure<'sync_unavailable'>
  | Failure<'in_use'>
  | Failure<'other_point', { found: string; expected: string }>
  | Failure<'store_exists', { path: string }>
  | Failure<'bad_url', { url: string }>
  | Failure<'bad_name'>
  | Failure<'unreachable'>
  | Failure<'host_not_pinned', { seen: string }>
  | Failure<'pairing_closed'>
  | Failure<
      'refused',
      { reason: 'wrong_code' | 'code_expired' | 'too_many_attempts' | 'no_code' | 'version' }
    >
  | Failure<'host_not_proven'>
  | Failure<'transfer_failed'>;

export type SettingsFailure =
  | Failure<'last_day_after_batches', { lastDay: string; batchesUntil: string }>
  | Failure<'not_initialized'>
  | DeskNameFailure;

export const apiContract = {
  session: method<SessionInfo>()({ args: none }),
  search: method<CardSummary[]>()({
    args: z
      .object({ query: z.string().max(300), limit: z.number().int().min(1).max(200).optional() })
      .strict(),
  }),
  checkCard: method<CardCheck>()({ args: z.object({ card, postcode: postcode.optional() }).strict() }),
  whereIsPostcode: method<PointInfo | null>()({ args: z.object({ postcode }).strict() }),
  handOut: method<HandOutDone, HandOutFailure>()({ args: handOutRequestSchema, writes: true }),
  /** A void on a later day than the hand-out needs the PIN: the use case asks for it. */
  voidHandOut: method<VoidDone, VoidFailure>()({
    args: voidRequestSchema,
    writes: true,
    adminPin: 'if_given',
  }),
  collectGroup: method<GroupDone & { receiptHtml: string }, GroupFailure>()({
    args: groupRequestSchema,
    writes: true,
  }),
  groupReceipt: method<{ html: string }, Failure<'not_found'>>()({
    args: z.object({ groupId: z.string().uuid() }).strict(),
  }),
  schoolWaiting: method<CardSummary[]>()({
    args: z.object({ school: z.string().regex(/^\d{1,12}$/) }).strict(),
  }),
  overview: method<OverviewStats>()({ args: none }),
  pointStatus: method<PointStatusView>()({ args: none }),
  pointDesks: method<PointDeskView[]>()({ args: none }),
  /** Starts the sync service if it is not running, and shows a new code (the previous one dies). */
  openPairing: method<PairingView, Failure<'not_host', { host: string }> | Failure<'sync_unavailable'>>()({
    args: z.object(withPin).strict(),
    adminPin: 'required',
  }),
  /**
   * On a desk (not the host): tells the host, then wipes this desk's copy (docs/admin.md §3a); the
   * store is closed afterwards, so the shell shows only the result. `force`: also when the host
   * does not answer (the admin then revokes the desk there).
   */
  unpairThisDesk: method<
    { host: 'told' | 'already_revoked' | 'not_told'; hostName: string; removed: number },
    Failure<'is_host'> | Failure<'in_use'> | Failure<'host_unreachable', { host: string }>
  >()({
    args: z.object({ force: z.boolean(), ...withPin }).strict(),
    writes: true,
    adminPin: 'required',
  }),
  /**
   * On the host: the installation key and the report rows move to `to` (a paired desk whose sync
   * runs), which becomes the host; this desk becomes an ordinary desk (docs/admin.md §3a).
   */
  handOverHost: method<
    { to: string; keyId: string },
    | Failure<'not_host', { host: string }>
    | Failure<'unknown_desk', { name: string }>
    | Failure<'desk_unreachable', { name: string }>
    | Failure<'handover_refused', { name: string; behind: boolean }>
    | Failure<'key_unreadable', { file: string; sealed: boolean }>
  >()({
    args: z.object({ to: z.string().min(1).max(40), ...withPin }).strict(),
    writes: true,
    adminPin: 'required',
  }),
  /**
   * On a desk whose host PC is dead: this desk becomes the host with a NEW installation key (a
   * new audit epoch); the admin enrols its public key with the issuer.
   */
  takeOverHost: method<{ keyId: string; enrolAs: string }, Failure<'already_host'>>()({
    args: z.object(withPin).strict(),
    writes: true,
    adminPin: 'required',
  }),
  /**
   * On a store that holds nothing yet: pairs it with a host (the same use case as `desk join`);
   * the shell closes it, joins at the same path and opens it again (adapters/shell). Nothing
   * changes on a refusal.
   */
  joinThisDesk: method<
    { pointId: string; hostFingerprint: string; cards: number; events: number },
    JoinThisDeskFailure
  >()({
    args: z
      .object({
        url: z.string().max(300),
        code: z.string().max(20),
        deskName: z.string().max(200),
        ...withPin,
      })
      .strict(),
    writes: true,
    adminPin: 'required',
  }),
  /** After an unpair wiped this desk's copy: the shell ends (Electron quits, start:web stops). */
  quitAfterUnpair: method<true, Failure<'not_unpaired'> | Failure<'quit_unavailable'>>()({ args: none }),
  revokeDesk: method<
    { name: string },
    Failure<'not_host', { host: string }> | Failure<'unknown_desk', { name: string }>
  >()({
    args: z.object({ name: z.string().min(1).max(40), ...withPin }).strict(),
    writes: true,
    adminPin: 'required',
  }),
  anomalies: method<AnomalyView[]>()({ args: none }),
  resolveAnomaly: method<
    { resolved: number },
    | Failure<'anomaly_not_found', { card: string }>
    | Failure<'note_required'>
    | Failure<'unknown_staff', { staff: string }>
  >()({
    args: z.object({ card, note: z.string().max(500), staff: z.string().max(64) }).strict(),
    writes: true,
  }),
  postcodeMap: method<PostcodeMapPoint[]>()({ args: none }),
  /** The Overzicht as a one-page PDF (Chromium print); refused when no Chromium is found. */
  overviewPdf: method<
    { fileName: string; contentBase64: string; savedTo: string },
    Failure<'pdf_unavailable'>
  >()({
    args: z.object({ lang: z.enum(['nl', 'en']) }).strict(),
  }),
  importPackage: method<ImportSummary, ImportFailure | Failure<'package_too_large'>>()({
    args: z
      .object({
        fileName: z.string().max(300),
        contentBase64: z.string().max(MAX_PACKAGE_BASE64_CHARS),
        allowUnsigned: z.boolean(),
        preview: z.boolean(),
        ...withPin,
      })
      .strict(),
    writes: true,
    long: ['verify', 'parse', 'plan', 'apply'],
    // Previewing a signed package reads only what the issuer signed; an unsigned preview reads an
    // untrusted file to its end, so it needs the PIN too, once one is set.
    adminPin: {
      when: (args: { preview: boolean; allowUnsigned: boolean }) =>
        !args.preview ? 'always' : args.allowUnsigned ? 'if_set' : 'never',
    },
  }),
  exportReport: method<ReportExport, ReportExportFailure>()({
    args: z.object(withPin).strict(),
    writes: true,
    adminPin: 'required',
    long: ['report'],
  }),
  newYear: method<NewYearView, NewYearFailure>()({
    args: z
      .object({
        cardYear: z.number().int().min(2000).max(2200),
        staff: z.string().min(1).max(100),
        ...withPin,
      })
      .strict(),
    writes: true,
    adminPin: 'required',
    long: ['close'],
  }),
  settings: method<SettingsView>()({ args: none }),
  changeSettings: method<SettingsView, SettingsFailure>()({
    args: z
      .object({
        lastDay: z.string().refine(isIsoDate, { message: 'datum JJJJ-MM-DD' }).nullable().optional(),
        staff: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
        maxGroupSize: z.number().int().min(1).max(500).optional(),
        retentionDays: z.number().int().min(1).max(3650).optional(),
        // Checked by the use case (1–40 printable characters, unique): it answers in words.
        deskName: z.string().max(200).optional(),
        ...withPin,
      })
      .strict(),
    writes: true,
    adminPin: 'required',
  }),
  /** Checks a PIN typed in Beheer's PIN prompt: the check itself is the use case. */
  verifyAdminPin: method<true, PinFailure>()({ args: z.object({ pin: adminPin }).strict() }),
  setAdminPin: method<true, SetPinFailure>()({
    args: z.object({ newPin: z.string().max(12), currentPin: z.string().max(12).nullable() }).strict(),
    writes: true,
  }),
  auditLog: method<AuditView>()({
    args: z.object({ ...withPin, limit: z.number().int().min(1).max(1000).optional() }).strict(),
    adminPin: 'required',
  }),
  backups: method<BackupInfo[]>()({ args: z.object(withPin).strict(), adminPin: 'required' }),
  backupNow: method<BackupInfo>()({
    args: z.object(withPin).strict(),
    writes: true,
    adminPin: 'required',
    long: ['copy'],
  }),
  updateStatus: method<UpdateStatusView>()({ args: none }),
} as const;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
export const API_METHODS = Object.keys(apiContract) as ApiMethod[];

export type ApiArgs<M extends ApiMethod> = z.input<ApiContract[M]['args']>;
export type ApiValue<M extends ApiMethod> = NonNullable<ApiContract[M]['value']>[0];
/** The PIN failures of a method the PIN guards, from its `adminPin` fact. */
type PinFailureOf<M extends ApiMethod> = ApiContract[M]['adminPin'] extends 'none' ? never : PinFailure;
export type ApiFailure<M extends ApiMethod> =
  NonNullable<ApiContract[M]['failure']>[0] | PinFailureOf<M> | InvalidRequest | TransportFailure;
export type ApiResponse<M extends ApiMethod> = Result<ApiValue<M>, ApiFailure<M>>;

/** Parsed, valid arguments of a method: what the use case behind it gets. */
export type ApiParsedArgs<M extends ApiMethod> = z.output<ApiContract[M]['args']>;
/** What main implements: raw (unvalidated) arguments in, a Result out. */
export type ApiHandlers = { [M in ApiMethod]: (args: unknown) => Promise<ApiResponse<M>> };
/** What the renderer calls: typed arguments in, a Result out; the transport is invisible. */
export type ApiClient = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResponse<M>> };

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiContract, name);
}

/**
 * Builds a typed client over any transport that can send (method, args) and get JSON back. The
 * client never rejects: a transport that throws gives `unavailable/network`, an answer that is not
 * a Result gives `unavailable/bad_reply`, so every caller handles failures as values.
 */
export function createApiClient(invoke: (method: ApiMethod, args: unknown) => Promise<unknown>): ApiClient {
  const client = {} as Record<ApiMethod, (args: unknown) => Promise<unknown>>;
  for (const name of API_METHODS) {
    client[name] = async (args) => {
      try {
        return asResult(await invoke(name, args));
      } catch {
        return unavailable('network');
      }
    };
  }
  return client as unknown as ApiClient;
}
