import type { CardStats } from '../cards/cardStats';
import type { CardSummary } from '../cards/cardStatus';
import type { CardVerdict } from '../desk/cardVerdict';
import type { PointInfo } from '../desk/deskResults';
import type { Failure } from '../result';

/** What the renderer needs at start and after every change of shift or settings. */
export interface SessionInfo {
  point: { pointId: string; pointName: string; deskId: string; deskName: string | null } | null;
  /** Demo data only, never mixed with a real point's data; the UI shows a banner. */
  demoMode: boolean;
  /** The demo store's admin PIN, shown in the demo banner; null for a real point. */
  demoAdminPin: string | null;
  /** Today's date in Brussels, `YYYY-MM-DD`. */
  today: string;
  availableFrom: string | null;
  lastDay: string | null;
  staff: string[];
  maxGroupSize: number;
  hasAdminPin: boolean;
  batches: { batchId: string; importedAt: string; cards: number; signature: 'valid' | 'unsigned_override' }[];
  version: string;
  /** Settings fixed by the IT admin's machine policy: shown read-only in Beheer. */
  lockedByPolicy: string[];
}

/** The verdict for one scanned or chosen card: what the desk shows in huge type. */
export type CardCheck =
  | { found: true; summary: CardSummary; verdict: CardVerdict }
  | { found: false; card: string; likelyPoint: PointInfo | null };

export interface OverviewStats {
  totals: CardStats;
  perDay: { day: string; handedOut: number }[];
  lastReport: { sequence: number; generatedAt: string; collected: number; cards: number } | null;
  leftovers: number;
}

export interface PostcodeMapPoint {
  postcode: string;
  plaats: string;
  lat: number;
  lon: number;
  cards: number;
  collected: number;
}

export interface ReportExport {
  fileName: string;
  /** The signed `.lkr.json` file, base64: the UI offers it as a download or saves it. */
  contentBase64: string;
  sequence: number;
  keyId: string;
  cards: number;
  collected: number;
  newKey: boolean;
}

/** The year rollover done from Beheer: the old year's final report comes back for download. */
export interface NewYearView {
  cardYear: number;
  previousCardYear: number;
  leftoversReturned: number;
  cardsArchived: number;
  archiveFile: string;
  auditEpoch: number;
  finalReport: ReportExport;
}

export interface AuditView {
  entries: {
    seq: number;
    at: string;
    action: string;
    details: string;
    /**
     * The desk of a hand-out, void or group entry; both null for other entries. A desk id with a
     * null name is a desk this store does not know: shown as "andere balie".
     */
    deskId: string | null;
    deskName: string | null;
  }[];
  verdict:
    { ok: true; entries: number } | { ok: false; atSeq: number; reason: 'hash' | 'chain' | 'sequence' };
}

export interface BackupInfo {
  name: string;
  bytes: number;
}

/** What Beheer shows about automatic updates (set by the IT admin's policy). */
export interface UpdateStatusView {
  enabled: boolean;
  channel: string;
  currentVersion: string;
  phase: string;
  lastCheckAt: string | null;
  nextCheckAt: string | null;
  availableVersion: string | null;
  downloadedVersion: string | null;
  progressPercent: number | null;
  installHours: string | null;
  installOnQuit: boolean;
  lastError: { at: string; during: string; message: string } | null;
}

export type InvalidRequest = Failure<'invalid_request', { issues: string[] }>;

/** The header's view of the point's desks (polled): online with N desks, or offline since HH:MM. */
export interface PointStatusView {
  role: 'host' | 'desk';
  /** Paired with at least one other desk; a desk alone shows nothing. */
  paired: boolean;
  online: boolean;
  /** Other desks heard from lately. */
  desksOnline: number;
  /** Brussels HH:MM of the last contact, when offline. */
  offlineSince: string | null;
  anomalies: number;
  /** Minutes this PC's clock differs from the host's, when more than 2. */
  clockDriftMinutes: number | null;
  hostName: string | null;
  /**
   * Rises with every event this store holds (its own and those synced in): an open card re-checks
   * when it changes, so a hand-out at another desk shows without a reload.
   */
  changes: number;
  /** This store holds nothing yet (no batch, event, report or peer): Beheer offers joining a host. */
  canJoin: boolean;
}

/** A desk of the point as Beheer → Balies lists it. */
export interface PointDeskView {
  name: string;
  isHost: boolean;
  online: boolean;
  lastSyncAt: string | null;
  lagEvents: number;
  revoked: boolean;
  /** It unpaired itself and wiped its copy (revoked too); a revoked PC's disk may still hold data. */
  unpaired: boolean;
}

/** A fresh pairing code on the host, with what the joining desk checks. */
export interface PairingView {
  code: string;
  url: string;
  fingerprint: string;
}

export interface AnomalyView {
  card: string;
  /** `desk` is the desk's name, null for one this desk has no name for yet ("andere balie"). */
  kept: { eventId: string; desk: string | null; staff: string; at: string };
  other: { eventId: string; desk: string | null; staff: string; at: string };
  resolved: { note: string; staff: string; at: string } | null;
}
