import type { Failure } from '../result';

/**
 * Why a call got no answer from the store:
 * - `network`: no connection, or it broke before the answer came (server gone, socket dropped);
 * - `timeout`: no answer within the client's time limit;
 * - `refused`: the transport refused the call (HTTP: no valid session cookie after a server
 *   restart, another origin; IPC: not the app's own frame);
 * - `bad_reply`: something came back, but it is not a result (a proxy's error page, cut-off JSON).
 */
export const UNAVAILABLE_REASONS = ['network', 'timeout', 'refused', 'bad_reply'] as const;
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

/**
 * The one failure both transports add to every method's result, produced identically by the HTTP
 * client and the IPC bridge, so the renderer always gets a value and never a rejection:
 * `unavailable` (no usable answer, see the reasons) or `internal` (the handler hit a bug; the
 * stack is in the log where it ran). The store may or may not have done the work: repeating the
 * same request (same requestId) is safe, the desk use cases are idempotent.
 */
export type TransportFailure = Failure<'unavailable', { reason: UnavailableReason }> | Failure<'internal'>;

export function unavailable(reason: UnavailableReason): TransportFailure {
  return { ok: false, error: 'unavailable', reason };
}

export const INTERNAL_FAILURE: TransportFailure = Object.freeze({ ok: false, error: 'internal' } as const);

export function isTransportFailure(value: { ok: boolean; error?: unknown }): value is TransportFailure {
  return value.ok === false && (value.error === 'unavailable' || value.error === 'internal');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A transport's answer, checked to have the Result shape: `{ ok: true, value }` or
 * `{ ok: false, error: string, … }`. Anything else is `unavailable/bad_reply`, never passed on.
 * A transport failure must carry a known reason.
 */
export function asResult(
  raw: unknown,
): { ok: true; value: unknown } | ({ ok: false; error: string } & object) {
  if (!isRecord(raw)) return unavailable('bad_reply');
  if (raw.ok === true && 'value' in raw) return raw as { ok: true; value: unknown };
  if (raw.ok !== false || typeof raw.error !== 'string') return unavailable('bad_reply');
  if (raw.error === 'unavailable') {
    const reason = raw.reason;
    return UNAVAILABLE_REASONS.includes(reason as UnavailableReason)
      ? unavailable(reason as UnavailableReason)
      : unavailable('bad_reply');
  }
  if (raw.error === 'internal') return INTERNAL_FAILURE;
  return raw as { ok: false; error: string };
}

/** Failures the HTTP transport itself may send with a non-200 status (see httpTransport.ts). */
const TRANSPORT_STATUS_ERRORS = new Set(['invalid_request', 'package_too_large', 'unavailable', 'internal']);

/**
 * What an HTTP answer means for the caller. 200 carries the handler's result; any other status
 * carries one of the transport's own failures in the contract shape, or — from anything in
 * between (a proxy, a half-started server) — whatever the status implies.
 */
export function readHttpReply(status: number, body: unknown): ReturnType<typeof asResult> {
  if (status === 200) return asResult(body);
  const result = asResult(body);
  if (!result.ok && TRANSPORT_STATUS_ERRORS.has(result.error) && !isBadReply(result)) return result;
  if (status === 500) return INTERNAL_FAILURE;
  if (status === 401 || status === 403 || status === 404 || status === 421) return unavailable('refused');
  if (status === 408 || status === 504) return unavailable('timeout');
  if (status === 502 || status === 503) return unavailable('network');
  return unavailable('bad_reply');
}

function isBadReply(result: { ok: false; error: string }): boolean {
  return result.error === 'unavailable' && (result as { reason?: string }).reason === 'bad_reply';
}
