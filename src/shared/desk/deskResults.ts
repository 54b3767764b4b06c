import type { Failure, StoreWriteFailure } from '../result';
import type { PointRow } from '../batch/rows';
import type { CardRefusal, PickupMethod } from './cardVerdict';

/** A distribution point as the desk shows it when redirecting a teacher. */
export type PointInfo = Omit<PointRow, 'line' | 'postcodes'>;

/** The admin PIN check's refusals, shared by every admin action. */
export type PinFailure =
  | Failure<'pin_not_set'>
  | Failure<'pin_wrong', { triesLeftBeforeLock: number }>
  | Failure<'pin_locked', { retryAfterSeconds: number }>;

// Kept importable from here for the desk's callers; it is every write's failure (result.ts).
export type { StoreWriteFailure };

export interface HandOutDone {
  eventId: string;
  card: string;
  at: string;
  deskId: string;
  /** The desk's name ("Balie 1"); null for a desk this store does not know ("andere balie"). */
  deskName: string | null;
  staff: string;
  method: PickupMethod;
  /** True when this request repeated one already done: no second event was written. */
  repeated: boolean;
}

export type HandOutFailure =
  | Failure<'invalid_request', { issues: string[] }>
  | Failure<'id_not_checked'>
  | Failure<'unknown_staff', { staff: string }>
  | Failure<'invalid_card_number', { card: string }>
  | Failure<'not_here', { card: string; likelyPoint: PointInfo | null }>
  | StoreWriteFailure
  | ({ ok: false; card: string } & CardRefusal);

/** Why one card cannot go into the group. */
export type GroupCardProblem =
  CardRefusal | { error: 'not_here' } | { error: 'invalid_card_number' } | { error: 'duplicate_in_group' };

export interface GroupDone {
  groupId: string;
  /** What staff and the receipt show: `G<desk number>-<counter>`, e.g. `G1-0042`. */
  groupNo: string;
  at: string;
  size: number;
  repeated: boolean;
}

export type GroupFailure =
  | Failure<'invalid_request', { issues: string[] }>
  | Failure<'id_not_checked'>
  | Failure<'unknown_staff', { staff: string }>
  | Failure<'collector_unknown'>
  | Failure<'group_too_large', { size: number; max: number }>
  | Failure<'group_refused', { refusals: { card: string; problem: GroupCardProblem }[] }>
  | StoreWriteFailure;

export interface VoidDone {
  eventId: string;
  card: string;
  voidedEventId: string;
  at: string;
}

export type VoidFailure =
  | Failure<'invalid_request', { issues: string[] }>
  | Failure<'unknown_staff', { staff: string }>
  | Failure<'invalid_card_number', { card: string }>
  | Failure<'not_here', { card: string }>
  | Failure<'not_collected', { card: string }>
  | Failure<'admin_pin_required', { card: string; handedOutOn: string }>
  | PinFailure;
