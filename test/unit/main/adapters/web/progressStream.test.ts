import http from 'node:http';
import { onSseEvents } from '../../../../helpers/sseEvents';
import { afterEach, describe, expect, it } from 'vitest';
import { PROGRESS_STREAM_PATH } from '../../../../../src/main/adapters/web/httpTransport';
import type { RunningTransport } from '../../../../../src/main/adapters/web/httpTransport';
import { createProgressHub } from '../../../../../src/main/adapters/worker/progressHub';
import { progressSchema, type Progress } from '../../../../../src/shared/api/progress';
import { closeAll, serve, signIn } from '../../../../helpers/transportServer';

afterEach(closeAll);

interface OpenStream {
  status: number;
  type: string | undefined;
  events: Progress[];
  /** Resolves once `n` progress events have arrived (bounded by the test timeout). */
  received(n: number): Promise<Progress[]>;
  drop(): void;
}

function openStream(t: RunningTransport, headers: Record<string, string>): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${t.origin}${PROGRESS_STREAM_PATH}`, { headers }, (res) => {
      const events: Progress[] = [];
      const waiting: { n: number; done: (e: Progress[]) => void }[] = [];
      onSseEvents(res, ({ name, data }) => {
        if (name === 'progress') events.push(progressSchema.parse(JSON.parse(data)) as Progress);
        for (const w of waiting.splice(0)) {
          if (events.length >= w.n) w.done(events.slice());
          else waiting.push(w);
        }
      });
      resolve({
        status: res.statusCode ?? 0,
        type: res.headers['content-type'],
        events,
        received: (n) =>
          new Promise((done) => {
            if (events.length >= n) done(events.slice());
            else waiting.push({ n, done });
          }),
        drop: () => req.destroy(),
      });
    });
    req.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
  });
}

async function waitUntil(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
}

const parse = (done: number): Progress => ({ work: 'importPackage', phase: 'parse', done, total: 200 });

describe('the progress stream of the loopback transport', () => {
  it('needs the session cookie, like every API call', async () => {
    const hub = createProgressHub();
    const t = await serve({ progress: hub });
    await signIn(t);
    const none = await openStream(t, {});
    expect(none.status).toBe(401);
    const guessed = await openStream(t, { cookie: 'balie_session=guessed' });
    expect(guessed.status).toBe(401);
    expect(hub.listenerCount()).toBe(0);
  });

  it('refuses another Origin', async () => {
    const hub = createProgressHub();
    const t = await serve({ progress: hub });
    const cookie = await signIn(t);
    const other = await openStream(t, { cookie, origin: 'https://evil.example' });
    expect(other.status).toBe(403);
    expect(hub.listenerCount()).toBe(0);
  });

  it('sends each progress value to the signed-in window, in order', async () => {
    const hub = createProgressHub();
    const t = await serve({ progress: hub });
    const cookie = await signIn(t);
    const stream = await openStream(t, { cookie });
    expect(stream.status).toBe(200);
    expect(stream.type).toMatch(/^text\/event-stream/);
    await waitUntil(() => hub.listenerCount() === 1);
    for (const done of [0, 80, 160, 200]) hub.publish(parse(done));
    expect(await stream.received(4)).toEqual([parse(0), parse(80), parse(160), parse(200)]);
    stream.drop();
  });

  it('forgets a dropped connection', async () => {
    const hub = createProgressHub();
    const t = await serve({ progress: hub });
    const cookie = await signIn(t);
    const stream = await openStream(t, { cookie });
    await waitUntil(() => hub.listenerCount() === 1);
    expect(hub.listenerCount()).toBe(1);
    stream.drop();
    await waitUntil(() => hub.listenerCount() === 0);
    expect(hub.listenerCount()).toBe(0);
    // The slot is free again: a new window gets its stream.
    const again = await openStream(t, { cookie });
    expect(again.status).toBe(200);
    again.drop();
  });

  it('keeps to its limit of open streams', async () => {
    const hub = createProgressHub();
    const t = await serve({ progress: hub, limits: { maxProgressStreams: 1 } });
    const cookie = await signIn(t);
    const first = await openStream(t, { cookie });
    expect(first.status).toBe(200);
    const second = await openStream(t, { cookie });
    expect(second.status).toBe(429);
    first.drop();
  });
});
