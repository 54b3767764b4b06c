import type { Progress } from '../../../shared/api/progress';

/** Where long work's progress goes: the runner publishes, each transport's window stream listens. */
export interface ProgressHub {
  publish(progress: Progress): void;
  /** Returns the unsubscribe; a transport calls it when its window or connection goes away. */
  subscribe(listener: (progress: Progress) => void): () => void;
  /** Listeners now (tests check that dropped connections are cleaned up). */
  listenerCount(): number;
}

export function createProgressHub(): ProgressHub {
  const listeners = new Set<(progress: Progress) => void>();
  return {
    publish(progress) {
      for (const listener of [...listeners]) {
        try {
          listener(progress);
        } catch {
          // One broken stream must not stop the others or the work.
        }
      }
    },
    subscribe(listener) {
      const own = (p: Progress) => listener(p);
      listeners.add(own);
      return () => listeners.delete(own);
    },
    listenerCount: () => listeners.size,
  };
}
