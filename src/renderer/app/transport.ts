import type { ApiClient, ApiMethod } from '../../shared/api/contract';
import { createApiClient } from '../../shared/api/contract';
import { unavailable } from '../../shared/api/transportFailure';
import { callTimeLimitMs } from './callTimeLimit';
import { httpInvoke } from './httpInvoke';
import { socketInvoke } from './socketInvoke';
import { eventSourceProgress, progressFeed, type OnProgress } from './progressFeed';

/** What the Electron preload exposes (contextBridge): invoke, restricted to the API's methods, and progress. */
interface BaliePreload {
  invoke(method: string, args: unknown): Promise<unknown>;
  onProgress?(listener: (progress: unknown) => void): () => void;
}

declare global {
  interface Window {
    balie?: BaliePreload;
  }
}

/** IPC has no cancel: after the time limit the desk gets `timeout` and the late answer is dropped. */
function withTimeLimit(method: ApiMethod, call: Promise<unknown>): Promise<unknown> {
  let timer = 0;
  const limit = new Promise<unknown>((resolve) => {
    timer = window.setTimeout(() => resolve(unavailable('timeout')), callTimeLimitMs(method));
  });
  return Promise.race([call, limit]).finally(() => window.clearTimeout(timer));
}

/**
 * Electron IPC when the preload is there, else the loopback HTTP transport (authenticated by the
 * HttpOnly cookie the start URL's one-time token was exchanged for): its kept WebSocket for the
 * quick methods once open, fetch for the rest and until then. Either way the client answers
 * every call with a value: failures of the transport are the contract's TransportFailure.
 */
export function connectApi(): ApiClient {
  const preload = window.balie;
  if (preload) return createApiClient((method, args) => withTimeLimit(method, preload.invoke(method, args)));
  const base = new URL('./', window.location.href).href;
  const fetchInvoke = httpInvoke(window.fetch.bind(window), base, callTimeLimitMs);
  const socketUrl = new URL('./api/socket', window.location.href);
  socketUrl.protocol = socketUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  return createApiClient(
    socketInvoke({
      open: () => new WebSocket(socketUrl.href),
      fallback: fetchInvoke,
      timeLimitMs: callTimeLimitMs,
      setTimer: (run, ms) => window.setTimeout(run, ms),
      clearTimer: (id) => window.clearTimeout(id),
    }),
  );
}

/**
 * Long work's progress over the same transport: the preload's IPC subscription in the shell, the
 * server-sent event stream (GET api/progress) in web mode.
 */
export function connectProgress(): OnProgress {
  const preload = window.balie;
  if (preload) {
    const subscribe = preload.onProgress;
    return progressFeed((deliver) => (subscribe ? subscribe(deliver) : () => {}));
  }
  return progressFeed(eventSourceProgress(new URL('./api/progress', window.location.href).href));
}
