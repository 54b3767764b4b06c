import { progressSchema, type Progress } from '../../shared/api/progress';

export type ProgressListener = (progress: Progress) => void;
/** Subscribes to long work's progress; returns the unsubscribe. */
export type OnProgress = (listener: ProgressListener) => () => void;

/**
 * One feed for every panel: the underlying stream (IPC subscription or EventSource) is opened
 * with the first listener and closed with the last. Every value is checked with the schema; one
 * that does not fit is dropped.
 */
export function progressFeed(open: (deliver: (raw: unknown) => void) => () => void): OnProgress {
  const listeners = new Set<ProgressListener>();
  let close: (() => void) | null = null;
  const deliver = (raw: unknown) => {
    const parsed = progressSchema.safeParse(raw);
    if (!parsed.success) return;
    for (const listener of [...listeners]) listener(parsed.data as Progress);
  };
  return (listener) => {
    const own: ProgressListener = (p) => listener(p);
    listeners.add(own);
    close ??= open(deliver);
    return () => {
      listeners.delete(own);
      if (listeners.size === 0 && close) {
        close();
        close = null;
      }
    };
  };
}

/** Web mode: the loopback transport's server-sent events (the session cookie goes along). */
export function eventSourceProgress(url: string): (deliver: (raw: unknown) => void) => () => void {
  return (deliver) => {
    const source = new EventSource(url, { withCredentials: false });
    source.addEventListener('progress', (event) => {
      try {
        deliver(JSON.parse((event as MessageEvent<string>).data));
      } catch {
        // Not JSON: dropped, like any value that does not fit the schema.
      }
    });
    return () => source.close();
  };
}
