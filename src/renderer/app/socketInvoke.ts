import type { ApiMethod } from '../../shared/api/contract';
import { apiContract } from '../../shared/api/contract';
import { readHttpReply, unavailable } from '../../shared/api/transportFailure';

type Invoke = (method: ApiMethod, args: unknown) => Promise<unknown>;

/** What this needs of a browser WebSocket (a fake in tests). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  send(data: string): void;
}

const OPEN = 1;
const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 30_000;

export interface SocketInvokeOptions {
  open(): SocketLike;
  /** Long methods, and every call while the channel is not open. */
  fallback: Invoke;
  timeLimitMs(method: ApiMethod): number;
  /** Timers (the window's, or a test's). */
  setTimer(run: () => void, ms: number): number;
  clearTimer(id: number): void;
}

/**
 * The quick methods over the transport's kept WebSocket: one message out, one back, no fetch per
 * keystroke. Calls are numbered; each answer carries the HTTP status and body of the same call
 * and is read by the same readHttpReply, so a failure looks the same on both channels. The
 * channel is never waited for: until it is open (first load, after a server restart) a call goes
 * by fetch, and the channel reconnects behind it, less often each time it fails. A call that
 * was out when the channel dropped is answered `network` (repeating it is safe, as with fetch);
 * one unanswered within its time limit `timeout`, and its late answer is dropped.
 */
export function socketInvoke(options: SocketInvokeOptions): Invoke {
  const pending = new Map<number, (reply: unknown) => void>();
  let socket: SocketLike | null = null;
  let nextId = 1;
  let retryMs = FIRST_RETRY_MS;

  const connect = () => {
    const ws = options.open();
    socket = ws;
    ws.onopen = () => {
      retryMs = FIRST_RETRY_MS;
    };
    ws.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      let reply: { id?: unknown; status?: unknown; body?: unknown };
      try {
        reply = JSON.parse(event.data) as typeof reply;
      } catch {
        return;
      }
      const settle = typeof reply.id === 'number' ? pending.get(reply.id) : undefined;
      if (!settle || typeof reply.status !== 'number') return;
      settle(readHttpReply(reply.status, reply.body));
    };
    ws.onclose = () => {
      if (socket === ws) socket = null;
      for (const settle of [...pending.values()]) settle(unavailable('network'));
      options.setTimer(connect, retryMs);
      retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
    };
  };
  connect();

  return (method, args) => {
    const ws = socket;
    if (apiContract[method].long !== false || ws === null || ws.readyState !== OPEN)
      return options.fallback(method, args);
    const id = nextId++;
    return new Promise<unknown>((resolve) => {
      const timer = options.setTimer(() => settle(unavailable('timeout')), options.timeLimitMs(method));
      function settle(reply: unknown) {
        options.clearTimer(timer);
        pending.delete(id);
        resolve(reply);
      }
      pending.set(id, settle);
      ws.send(JSON.stringify({ id, method, args: args ?? {} }));
    });
  };
}
