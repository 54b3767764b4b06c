import type { SocketLike } from '../../src/renderer/app/socketInvoke';

/** A browser WebSocket stand-in: the test opens, answers and drops it. */
export class FakeSocket implements SocketLike {
  readyState = 0;
  sent: { id: number; method: string; args: unknown }[] = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  send(data: string): void {
    this.sent.push(JSON.parse(data) as FakeSocket['sent'][number]);
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  answer(message: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(message) }));
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.(new Event('close') as CloseEvent);
  }
}

/** Timers a test runs by hand: `due()` lists what is waiting, `run(ms)` fires those set for ms. */
export function manualTimers() {
  let next = 1;
  const waiting = new Map<number, { run: () => void; ms: number }>();
  return {
    setTimer: (run: () => void, ms: number) => {
      waiting.set(next, { run, ms });
      return next++;
    },
    clearTimer: (id: number) => void waiting.delete(id),
    due: () => [...waiting.values()].map((w) => w.ms),
    run(ms: number) {
      for (const [id, w] of [...waiting]) {
        if (w.ms !== ms) continue;
        waiting.delete(id);
        w.run();
      }
    },
  };
}
