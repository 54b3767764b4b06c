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
import type { Failure, Result } from '../result';
import type {
  AuditView,
  BackupInfo,
  CardCheck,
  InvalidRequest,
  OverviewStats,
  PostcodeMapPoint,
  NewYearView,
  ReportExport,
  SessionInfo,
  UpdateStatusView,
} from './apiTypes';
import { asResult, unavailable } from './transportFailure';
import type { TransportFailure } from './transportFailure';

/**
 * The one API between the desk UI and the store, declared once. Electron IPC and the loopback
 * HTTP transport serve these same methods; every argument is validated with its schema on the
 * handler side, whatever the transport. Every method answers with a Result value; besides its own
 * failures, every method can answer with a TransportFailure (no answer, or a handler bug), the
 * same value over both transports.
 */
interface Method<A extends z.ZodType, V, F> {
  args: A;
  /** Phantom fields: carry the value and failure types, never set at run time. */
  value?: [V];
  failure?: [F];
}

function method<V, F = never>() {
  return <A extends z.ZodType>(args: A): Method<A, V, F> => ({ args });
}

const none = z.object({}).strict();
const card = z.string().regex(/^\d{12}$/);
const postcode = z.string().regex(/^\d{4}$/);
const adminPin = z.string().max(12);

/** The largest package an import carries, as base64 characters (about 225 MiB of package). */
export const MAX_PACKAGE_BASE64_CHARS = 300 * 1024 * 1024;

export type SettingsView = {
  pointId: string | null;
  pointName: string | null;
  deskId: string | null;
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
  | Failure<'no_batches'>
  | Failure<'write_failed', { file: string; detail: string }>
  | Failure<'key_unreadable', { file: string; sealed: boolean }>;

export type NewYearFailure =
  | ReportExportFailure
  | Failure<'nothing_to_close'>
  | Failure<'year_not_after', { cardYear: number; currentYear: number }>
  | Failure<'unknown_staff', { staff: string }>;

export type SettingsFailure =
  Failure<'last_day_after_batches', { lastDay: string; batchesUntil: string }> | PinFailure;

export const apiContract = {
  session: method<SessionInfo>()(none),
  search: method<CardSummary[]>()(
    z.object({ query: z.string().max(300), limit: z.number().int().min(1).max(200).optional() }).strict(),
  ),
  checkCard: method<CardCheck>()(z.object({ card, postcode: postcode.optional() }).strict()),
  whereIsPostcode: method<PointInfo | null>()(z.object({ postcode }).strict()),
  handOut: method<HandOutDone, HandOutFailure>()(handOutRequestSchema),
  voidHandOut: method<VoidDone, VoidFailure>()(voidRequestSchema),
  collectGroup: method<GroupDone & { receiptHtml: string }, GroupFailure>()(groupRequestSchema),
  groupReceipt: method<{ html: string }, Failure<'not_found'>>()(
    z.object({ groupId: z.string().uuid() }).strict(),
  ),
  schoolWaiting: method<CardSummary[]>()(z.object({ school: z.string().regex(/^\d{1,12}$/) }).strict()),
  overview: method<OverviewStats>()(none),
  postcodeMap: method<PostcodeMapPoint[]>()(none),
  importPackage: method<ImportSummary, ImportFailure | PinFailure | Failure<'package_too_large'>>()(
    z
      .object({
        fileName: z.string().max(300),
        contentBase64: z.string().max(MAX_PACKAGE_BASE64_CHARS),
        allowUnsigned: z.boolean(),
        preview: z.boolean(),
        adminPin,
      })
      .strict(),
  ),
  exportReport: method<ReportExport, ReportExportFailure | PinFailure>()(z.object({ adminPin }).strict()),
  newYear: method<NewYearView, NewYearFailure | PinFailure>()(
    z
      .object({ cardYear: z.number().int().min(2000).max(2200), staff: z.string().min(1).max(100), adminPin })
      .strict(),
  ),
  settings: method<SettingsView>()(none),
  changeSettings: method<SettingsView, SettingsFailure>()(
    z
      .object({
        lastDay: z.string().nullable().optional(),
        staff: z.array(z.string().max(100)).max(200).optional(),
        maxGroupSize: z.number().int().min(1).max(500).optional(),
        retentionDays: z.number().int().min(1).max(3650).optional(),
        adminPin,
      })
      .strict(),
  ),
  verifyAdminPin: method<true, PinFailure>()(z.object({ pin: adminPin }).strict()),
  setAdminPin: method<true, SetPinFailure>()(
    z.object({ newPin: z.string().max(12), currentPin: z.string().max(12).nullable() }).strict(),
  ),
  auditLog: method<AuditView, PinFailure>()(
    z.object({ adminPin, limit: z.number().int().min(1).max(1000).optional() }).strict(),
  ),
  backups: method<BackupInfo[], PinFailure>()(z.object({ adminPin }).strict()),
  backupNow: method<BackupInfo, PinFailure>()(z.object({ adminPin }).strict()),
  updateStatus: method<UpdateStatusView>()(none),
} as const;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
export const API_METHODS = Object.keys(apiContract) as ApiMethod[];

export type ApiArgs<M extends ApiMethod> = z.input<ApiContract[M]['args']>;
export type ApiValue<M extends ApiMethod> = NonNullable<ApiContract[M]['value']>[0];
export type ApiFailure<M extends ApiMethod> =
  NonNullable<ApiContract[M]['failure']>[0] | InvalidRequest | TransportFailure;
export type ApiResponse<M extends ApiMethod> = Result<ApiValue<M>, ApiFailure<M>>;

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
