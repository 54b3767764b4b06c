import type { ApiMethod } from '../../shared/api/contract';
import { readHttpReply, unavailable } from '../../shared/api/transportFailure';

/**
 * One API call over the loopback HTTP transport, answered as a value, never a rejection: a
 * network error, a non-200 status, a body that is not JSON or a timeout all become the contract's
 * TransportFailure. Authentication is the HttpOnly session cookie the browser sends by itself.
 */
export function httpInvoke(
  fetchApi: typeof fetch,
  baseUrl: string,
  timeLimitMs: (method: ApiMethod) => number,
): (method: ApiMethod, args: unknown) => Promise<unknown> {
  return async (method, args) => {
    const signal = AbortSignal.timeout(timeLimitMs(method));
    let response: Response;
    try {
      response = await fetchApi(`${baseUrl}api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(args ?? {}),
        signal,
      });
    } catch {
      return unavailable(signal.aborted ? 'timeout' : 'network');
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      return unavailable(signal.aborted ? 'timeout' : 'network');
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return readHttpReply(response.status, body);
  };
}
