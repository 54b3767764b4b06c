import { z } from 'zod';
import { isValidPostcode } from '../domain/postcode';
import { brusselsOffsetMinutes, isIsoDate } from '../time/brussels';

/**
 * The signed pickup report, `lerarenkaart-report/1` (spec/report-format.md).
 *
 * Two schemas for one payload:
 * - `reportPayloadSchema` is the WRITER's: strict at every level, so nothing but the listed
 *   fields (no names, no stamboeknummers, no stray personal data) can ever be signed by us;
 * - `reportPayloadReadSchema` is the VERIFIER's: every listed field is validated just as
 *   strictly, but unknown keys are tolerated and dropped (forward compatible, and whatever
 *   they held never reaches the issuer's output).
 */
export const REPORT_FORMAT = 'lerarenkaart-report/1';
export const REPORT_PAYLOAD_TYPE = 'application/vnd.lerarenkaart.report+json;version=1';

const ISO_WITH_OFFSET =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:[+-](?:0\d|1[0-4]):[0-5]\d|Z)$/;

/** `isIsoDate` per calendar day, memoised: a report's 150k timestamps fall on a few hundred days. */
const MAX_CACHED_DAYS = 100_000;
const validDay = new Map<string, boolean>();
function isIsoDay(day: string): boolean {
  let valid = validDay.get(day);
  if (valid === undefined) {
    valid = isIsoDate(day);
    if (validDay.size >= MAX_CACHED_DAYS) validDay.clear();
    validDay.set(day, valid);
  }
  return valid;
}

function isIsoInstant(value: string): boolean {
  const match = ISO_WITH_OFFSET.exec(value);
  return match !== null && isIsoDay(match[1] ?? '') && !Number.isNaN(Date.parse(value));
}

/** ISO 8601 with an explicit offset (`Z` is accepted when reading, never written by us). */
const readTimestamp = z.string().refine(isIsoInstant, { message: 'ISO 8601-tijdstip met tijdzone' });

const HOUR_MS = 3_600_000;
/** Enough for decades of pickups; a flood of odd instants only clears it, never grows it unbounded. */
const MAX_CACHED_HOURS = 100_000;
/** UTC hour number → the Brussels offset during that whole hour, or null when it changes inside it. */
const offsetByUtcHour = new Map<number, number | null>();

/**
 * `brusselsOffsetMinutes`, memoised per UTC hour: the Intl look-up behind it costs ~5 µs, and a
 * report of 150k pickups asks it 150k times for a few thousand distinct hours.
 *
 * Sound because Brussels' offset never changes twice within one hour (transitions are months
 * apart in the tz database): when the first and the last second of a UTC hour have the same
 * offset, every instant in between has it too. An hour whose ends differ (a transition not on
 * a whole UTC hour, as some tz data has for the 19th century; EU switches happen at 01:00 UTC) is
 * marked null and every instant in it is computed exactly, as before.
 */
function brusselsOffsetAt(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let cached = offsetByUtcHour.get(hour);
  if (cached === undefined) {
    const first = brusselsOffsetMinutes(new Date(hour * HOUR_MS));
    const last = brusselsOffsetMinutes(new Date(hour * HOUR_MS + HOUR_MS - 1));
    cached = first === last ? first : null;
    if (offsetByUtcHour.size >= MAX_CACHED_HOURS) offsetByUtcHour.clear();
    offsetByUtcHour.set(hour, cached);
  }
  return cached ?? brusselsOffsetMinutes(new Date(ms));
}

/** The writer's times carry the Belgian offset of that very moment (+01:00 in winter, +02:00 in summer). */
function hasBelgianOffset(value: string): boolean {
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(value);
  if (!offset) return false;
  const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && minutes === brusselsOffsetAt(ms);
}
const writeTimestamp = z.string().refine((v) => isIsoInstant(v) && hasBelgianOffset(v), {
  message: 'ISO 8601-tijdstip met de Belgische offset van dat moment',
});

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { message: '64 kleine hexadecimale tekens' });
const count = z.number().int().nonnegative();
const postcode = z
  .string()
  .refine(isValidPostcode, { message: 'Belgische postcode van 4 cijfers (1000–9999)' });
const cardNumber = z.string().regex(/^\d{12}$/, { message: 'kaartnummer van 12 cijfers' });

function fields(mode: 'write' | 'read') {
  const timestamp = mode === 'write' ? writeTimestamp : readTimestamp;
  // The writer makes RFC 9562 UUIDs (crypto.randomUUID); a reader accepts any 8-4-4-4-12 hex GUID.
  const uuid = mode === 'write' ? z.uuid() : z.guid();
  const totals = {
    cards: count,
    collected: count,
    waiting: count,
    revoked: count,
    replaced: count,
    /**
     * Several desks: hand-outs of a card that was already out, made while desks could not reach
     * each other (the first one counts in `collected`; these are listed, never dropped). Absent in
     * reports from before it existed.
     */
    doubleHandOuts: count.optional(),
  };
  const byPostcode = { postcode, cards: count, collected: count };
  const selfPickup = {
    card: cardNumber,
    at: timestamp,
    method: z.literal('self'),
    group: z.never().optional(),
  };
  const groupPickup = { card: cardNumber, at: timestamp, method: z.literal('group'), group: uuid };
  return { timestamp, uuid, totals, byPostcode, selfPickup, groupPickup };
}

const w = fields('write');
const r = fields('read');

/** Why a new audit epoch started (spec: docs/report-format.md, "Audit anchor"). */
export const AUDIT_EPOCH_REASONS = ['restore', 'new_year', 'host_handover'] as const;
export type AuditEpochReason = (typeof AUDIT_EPOCH_REASONS)[number];

function auditFields(mode: 'write' | 'read') {
  const timestamp = mode === 'write' ? writeTimestamp : readTimestamp;
  const started = { reason: z.enum(AUDIT_EPOCH_REASONS), at: timestamp };
  return {
    epoch: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    // 0 with the all-zero genesis hash: a log that is still empty.
    seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    head: sha256Hex,
    /** Present in the first report of a new epoch: why the epoch started, and when. */
    started: (mode === 'write' ? z.strictObject(started) : z.object(started)).optional(),
  };
}

const commonTop = {
  pointId: z.string().trim().min(1).max(100),
  pointName: z.string().trim().min(1).max(300),
  cardYear: z.number().int().min(2000).max(2200),
  sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  previous: sha256Hex.nullable(),
  batches: z.array(z.string().trim().min(1).max(100)),
};

/** Writer side: strict everywhere — personal data cannot sneak into a report we sign. */
export const reportPayloadSchema = z
  .strictObject({
    format: z.literal(REPORT_FORMAT),
    reportId: w.uuid,
    ...commonTop,
    generatedAt: w.timestamp,
    audit: z.strictObject(auditFields('write')),
    totals: z.strictObject(w.totals),
    byPostcode: z.array(z.strictObject(w.byPostcode)),
    pickups: z.array(
      z.discriminatedUnion('method', [z.strictObject(w.selfPickup), z.strictObject(w.groupPickup)]),
    ),
  })
  .superRefine((p, ctx) => {
    if (p.totals.collected > p.totals.cards)
      ctx.addIssue({ code: 'custom', message: 'meer afgehaald dan kaarten', path: ['totals', 'collected'] });
    if (p.sequence === 1 && p.previous !== null)
      ctx.addIssue({ code: 'custom', message: 'het eerste rapport heeft geen vorige', path: ['previous'] });
    if (p.sequence > 1 && p.previous === null)
      ctx.addIssue({ code: 'custom', message: 'vorige ontbreekt', path: ['previous'] });
    const seen = new Set<string>();
    p.byPostcode.forEach((row, i) => {
      if (seen.has(row.postcode))
        ctx.addIssue({
          code: 'custom',
          message: `postcode ${row.postcode} dubbel`,
          path: ['byPostcode', i, 'postcode'],
        });
      seen.add(row.postcode);
      if (row.collected > row.cards)
        ctx.addIssue({
          code: 'custom',
          message: 'meer afgehaald dan kaarten',
          path: ['byPostcode', i, 'collected'],
        });
    });
  });

/**
 * Verifier side: the same checks on every known field, unknown keys tolerated (and dropped).
 * `format` is checked separately by the verifier so that a wrong format gets its own reason.
 * Chain rules (first report has `previous` null) are the aggregator's business, not a refusal.
 */
export const reportPayloadReadSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  reportId: r.uuid,
  ...commonTop,
  generatedAt: r.timestamp,
  /** Optional when reading: reports of installations from before the audit anchor have none. */
  audit: z.object(auditFields('read')).optional(),
  totals: z.object(r.totals),
  byPostcode: z.array(z.object(r.byPostcode)),
  pickups: z.array(z.discriminatedUnion('method', [z.object(r.selfPickup), z.object(r.groupPickup)])),
});

export type ReportPayload = z.infer<typeof reportPayloadSchema>;
export type ReportPickup = ReportPayload['pickups'][number];
export type ReportAudit = ReportPayload['audit'];
/** What the verifier reads: the writer's shape, with `audit` optional (older installations). */
export type ReadReportPayload = z.infer<typeof reportPayloadReadSchema>;

// What the verifier reads has exactly the writer's shape (but for the optional audit anchor).
const _sameShape: Omit<ReportPayload, 'audit'> & { audit?: ReportAudit } = {} as ReadReportPayload;
void _sameShape;

/** The DSSE envelope; unknown keys are tolerated, as DSSE allows. */
export const dsseEnvelopeSchema = z.object({
  payloadType: z.string(),
  payload: z.base64(),
  signatures: z
    .array(
      z.object({
        keyid: sha256Hex,
        sig: z.base64().min(1),
      }),
    )
    .min(1),
});

export type DsseEnvelope = z.infer<typeof dsseEnvelopeSchema>;

/** Why a report file was refused (spec/report-format.md, "Verifying and merging" step 1). */
export const REPORT_REFUSALS = [
  'malformed_json',
  'malformed_envelope',
  'wrong_payload_type',
  'wrong_format',
  'malformed_payload',
  'unknown_point',
  'keyid_not_enrolled',
  'bad_signature',
] as const;
export type ReportRefusal = (typeof REPORT_REFUSALS)[number];

/** Why a file in the enrolment folder gave no key. */
export type EnrolmentProblemReason =
  'unreadable' | 'bad_name' | 'not_a_public_key' | 'private_key' | 'not_ed25519';

export interface EnrolmentProblem {
  file: string;
  reason: EnrolmentProblemReason;
  detail?: string;
}

/** A report file whose signature verified with a key enrolled for its point. */
export interface VerifiedReport {
  /** File name as given to the verifier (for messages). */
  file: string;
  payload: ReadReportPayload;
  /** Lowercase hex SHA-256 of the file's bytes: what the next report's `previous` refers to. */
  fileSha256: string;
  /** keyid of the signature that verified. */
  keyid: string;
}

/** One line of zod issues, for `detail`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
