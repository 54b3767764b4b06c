import { z } from 'zod';

/**
 * The desk-to-desk sync protocol on the `balie-sync/1` endpoint (mutual TLS, pinned peers only):
 * one JSON request per line, one answer line each, in order. Every line is checked against these
 * schemas on arrival; anything else ends the connection.
 *
 * Bumped when a message changes meaning. Desks of one point on different app versions work
 * together as long as this number is the same; otherwise they say "update needed".
 */
export const SYNC_PROTOCOL_VERSION = 1;

/** Events in one pull answer; a page is applied in one transaction. */
export const SYNC_PAGE_EVENTS = 500;
/** Cards in one page of a batch transfer. */
export const SYNC_PAGE_CARDS = 2000;

const deskId = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/);
const uuid = z.string().regex(/^[0-9a-f-]{36}$/);
const hlc = z.string().regex(/^\d{15}-\d{6}-[A-Za-z0-9._:-]{1,64}$/);
const text = (max: number) => z.string().max(max);

/** A desk event as it travels: by card number (local row ids differ per desk), never by row id. */
export const wireEventSchema = z.object({
  eventId: uuid,
  kind: z.enum(['handout', 'void', 'returned']),
  card: z.string().regex(/^\d{1,20}$/),
  deskId,
  staff: text(64),
  method: z.enum(['self', 'group']).nullable(),
  groupId: uuid.nullable(),
  reason: text(500).nullable(),
  voidsEventId: uuid.nullable(),
  at: text(40),
  atMs: z.number().int().nonnegative(),
  hlc,
});
export type WireEvent = z.infer<typeof wireEventSchema>;

export const wireGroupSchema = z.object({
  groupId: uuid,
  collectorCard: z
    .string()
    .regex(/^\d{1,20}$/)
    .nullable(),
  collectorName: text(200).nullable(),
  collectorIdNote: text(200).nullable(),
  deskId,
  staff: text(64),
  at: text(40),
  atMs: z.number().int().nonnegative(),
  size: z.number().int().positive(),
  groupNo: text(20).nullable(),
});
export type WireGroup = z.infer<typeof wireGroupSchema>;

export const wireResolutionSchema = z.object({
  resolutionId: uuid,
  otherEventId: uuid,
  note: text(500),
  staff: text(64),
  deskId,
  at: text(40),
  hlc,
});
export type WireResolution = z.infer<typeof wireResolutionSchema>;

export const wireDeskSchema = z.object({
  deskId,
  name: text(40),
  /** The desk's number, given by the host: the prefix of its group numbers (G<number>-0042). */
  number: z.number().int().positive(),
  fingerprint: z.string().regex(/^SHA256:[0-9a-f]{64}$/),
  url: z.string().max(200).nullable(),
  isHost: z.boolean(),
  revoked: z.boolean(),
});
export type WireDesk = z.infer<typeof wireDeskSchema>;

const helloFields = {
  v: z.number().int(),
  deskId,
  name: text(40),
  /** Where this desk's own sync service listens, so the others can pull from it too. */
  url: z.string().max(200).nullable(),
  /** The sender's clock, for the drift warning (deadlines are checked against the local date). */
  nowMs: z.number().int().nonnegative(),
  /** Raised by every handover and take-over: the host with the highest epoch is the point's host. */
  hostEpoch: z.number().int().nonnegative(),
};

export const wireBatchSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
export const wireCardSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

export const syncRequestSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('hello'), ...helloFields }),
  /** Events after the asker's cursor into MY log (my seq); waits up to `waitMs` for new ones. */
  z.object({
    t: z.literal('pull'),
    afterSeq: z.number().int().nonnegative(),
    afterResolution: z.number().int().nonnegative(),
    waitMs: z.number().int().min(0).max(10_000),
  }),
  /** Host only: confirm these events (one hand-out, a group, a void) before the desk keeps them. */
  z.object({
    t: z.literal('claim'),
    events: z.array(wireEventSchema).min(1).max(200),
    group: wireGroupSchema.nullable(),
  }),
  /** Host only: batches, settings and the desks of the point that the asker lacks. */
  z.object({
    t: z.literal('point'),
    haveBatches: z.array(z.string().max(100)).max(1000),
    /** The reports the asker knows: the chain continues on whichever desk becomes host. */
    haveReportSeq: z.number().int().nonnegative(),
  }),
  /**
   * The host hands over: the receiving desk becomes host with the installation key (the point's
   * one report chain goes on with the same key). Only once the receiver has every host event.
   */
  z.object({
    t: z.literal('handover'),
    hostEpoch: z.number().int().positive(),
    headSeq: z.number().int().nonnegative(),
    keyPem: z.string().max(2000),
    /** The reports the host signed, so the chain goes on at the next sequence number. */
    reports: z.array(wireBatchSchema).max(100_000),
  }),
  z.object({
    t: z.literal('cards'),
    batchId: z.string().max(100),
    afterCard: z.string().max(20),
  }),
  /**
   * Host only: the asking desk leaves the point and wipes its copy; the host refuses it from now
   * on and lists it as unpaired. A host without this message answers `bad_request` (same
   * protocol version: a new request, no changed meaning), and the desk then says so.
   */
  z.object({ t: z.literal('unpair') }),
]);
export type SyncRequest = z.infer<typeof syncRequestSchema>;

export const syncAnswerSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('hello'), ...helloFields, isHost: z.boolean() }),
  z.object({
    t: z.literal('refused'),
    reason: z.enum(['version', 'revoked', 'not_host', 'bad_request', 'behind']),
  }),
  z.object({ t: z.literal('accepted'), keyId: z.string().max(100) }),
  z.object({
    t: z.literal('events'),
    events: z.array(wireEventSchema),
    groups: z.array(wireGroupSchema),
    resolutions: z.array(wireResolutionSchema),
    lastSeq: z.number().int().nonnegative(),
    lastResolution: z.number().int().nonnegative(),
    /** The answerer's newest seq: what the asker still lacks is `headSeq - lastSeq`. */
    headSeq: z.number().int().nonnegative(),
  }),
  z.object({ t: z.literal('claimed') }),
  z.object({ t: z.literal('unpaired') }),
  /** Some card of the claim is already out: the host's events for it, so the desk can show who and when. */
  z.object({
    t: z.literal('taken'),
    events: z.array(wireEventSchema),
    groups: z.array(wireGroupSchema),
  }),
  z.object({
    t: z.literal('point'),
    settings: z.record(z.string(), z.string()),
    batches: z.array(wireBatchSchema),
    points: z.array(wireBatchSchema),
    desks: z.array(wireDeskSchema),
    reports: z.array(wireBatchSchema),
  }),
  z.object({ t: z.literal('cards'), cards: z.array(wireCardSchema), more: z.boolean() }),
]);
export type SyncAnswer = z.infer<typeof syncAnswerSchema>;

/** Beyond this, a desk warns that its clock differs from the host's. */
export const CLOCK_DRIFT_WARN_MS = 2 * 60 * 1000;
/** A desk waits this long for the host to confirm a claim, then hands out locally ("offline"). */
export const CLAIM_TIMEOUT_MS = 1500;
/** A peer not heard from for this long counts as offline in the header and in `desk status`. */
export const PEER_ONLINE_WINDOW_MS = 5000;
