import { describe, expect, it } from 'vitest';
import type { ApiMethod } from '../../../../src/shared/api/contract';
import { socketInvoke } from '../../../../src/renderer/app/socketInvoke';
import { FakeSocket, manualTimers } from '../../../helpers/fakeSocket';

function setup() {
  const sockets: FakeSocket[] = [];
  const fetched: ApiMethod[] = [];
  const timers = manualTimers();
  const invoke = socketInvoke({
    open: () => {
      const ws = new FakeSocket();
      sockets.push(ws);
      return ws;
    },
    fallback: (method) => {
      fetched.push(method);
      return Promise.resolve({ ok: true, value: 'by fetch' });
    },
    timeLimitMs: () => 30_000,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  });
  const socket = () => sockets[sockets.length - 1] as FakeSocket;
  return { invoke, sockets, socket, fetched, timers };
}

describe('socketInvoke', () => {
  it('goes by fetch until the channel is open, then on the channel, reading the reply as HTTP', async () => {
    const { invoke, socket, fetched } = setup();
    expect(await invoke('search', { query: 'a' })).toEqual({ ok: true, value: 'by fetch' });
    socket().open();
    const answer = invoke('search', { query: 'ab' });
    expect(socket().sent).toEqual([{ id: 1, method: 'search', args: { query: 'ab' } }]);
    socket().answer({ id: 1, status: 200, body: { ok: true, value: [] } });
    expect(await answer).toEqual({ ok: true, value: [] });
    expect(fetched).toEqual(['search']);
  });

  it('keeps long methods on fetch', async () => {
    const { invoke, socket, fetched } = setup();
    socket().open();
    await invoke('importPackage', {});
    await invoke('exportReport', {});
    expect(fetched).toEqual(['importPackage', 'exportReport']);
    expect(socket().sent).toEqual([]);
  });

  it('matches answers by id, ignores strangers, and reads refusals in the contract shape', async () => {
    const { invoke, socket } = setup();
    socket().open();
    const a = invoke('session', {});
    const b = invoke('overview', {});
    socket().answer({ id: 99, status: 200, body: { ok: true, value: 'stranger' } });
    socket().answer({ id: 2, status: 404, body: { ok: false, error: 'unavailable', reason: 'refused' } });
    socket().answer({ id: 1, status: 500, body: 'oops' });
    expect(await b).toEqual({ ok: false, error: 'unavailable', reason: 'refused' });
    expect(await a).toEqual({ ok: false, error: 'internal' });
  });

  it('answers calls out when the channel drops with network, and reconnects less often each time', async () => {
    const { invoke, socket, sockets, timers } = setup();
    socket().open();
    const out = invoke('search', { query: 'x' });
    socket().drop();
    expect(await out).toEqual({ ok: false, error: 'unavailable', reason: 'network' });
    expect(timers.due()).toEqual([500]);
    timers.run(500);
    expect(sockets).toHaveLength(2);
    socket().drop();
    expect(timers.due()).toEqual([1000]);
    timers.run(1000);
    socket().open();
    socket().drop();
    // An open resets the wait.
    expect(timers.due()).toEqual([500]);
  });

  it('answers timeout after the time limit and drops the late answer', async () => {
    const { invoke, socket, timers } = setup();
    socket().open();
    const out = invoke('search', { query: 'x' });
    timers.run(30_000);
    expect(await out).toEqual({ ok: false, error: 'unavailable', reason: 'timeout' });
    socket().answer({ id: 1, status: 200, body: { ok: true, value: [] } });
    expect(timers.due()).toEqual([]);
  });
});
