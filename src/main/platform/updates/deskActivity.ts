import type { ApiHandlers, ApiMethod } from '../../../shared/api/contract';
import { apiContract } from '../../../shared/api/contract';
import type { Clock } from '../../../shared/time/clock';
import type { DeskActivity } from './updatePolicy';

export interface ActivityTracker {
  wrap(handlers: ApiHandlers): ApiHandlers;
  activity(): DeskActivity;
  /** Called whenever the busy flag flips (the shell re-evaluates install-on-quit). */
  onChange(listener: () => void): void;
}

/**
 * Counts writing calls in flight (the contract's `writes` fact: an update must never install
 * during one) and remembers when the desk last called anything.
 */
export function createActivityTracker(clock: Clock): ActivityTracker {
  let inFlight = 0;
  let lastCallAt = clock.now().getTime();
  const listeners: (() => void)[] = [];
  const notify = () => listeners.forEach((l) => l());

  return {
    wrap(handlers) {
      const wrapped = { ...handlers } as Record<ApiMethod, (args: unknown) => Promise<unknown>>;
      for (const [name, handler] of Object.entries(handlers) as [
        ApiMethod,
        (args: unknown) => Promise<unknown>,
      ][]) {
        const writing = apiContract[name].writes;
        wrapped[name] = async (args) => {
          lastCallAt = clock.now().getTime();
          if (!writing) return handler(args);
          inFlight += 1;
          if (inFlight === 1) notify();
          try {
            return await handler(args);
          } finally {
            inFlight -= 1;
            lastCallAt = clock.now().getTime();
            if (inFlight === 0) notify();
          }
        };
      }
      return wrapped as unknown as ApiHandlers;
    },
    activity: () => ({ busy: inFlight > 0, idleMs: Math.max(0, clock.now().getTime() - lastCallAt) }),
    onChange: (listener) => {
      listeners.push(listener);
    },
  };
}
