import type { ApiHandlers, ApiMethod } from '../../../shared/api/contract';
import { API_METHODS } from '../../../shared/api/contract';
import { fail } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import { holdStoreAlone } from '../../store/storeAlone';
import { openStore } from '../../store/openStore';
import type { StoreContext } from '../../store/storeContext';
import type { JoinedPoint } from '../../useCases/point/joinPoint';
import { joinInPlace } from './joinInPlace';
import type { JoinInPlaceFailure } from './joinInPlace';

/** What a shell runs on an open store: the API's handlers, and the services to stop before it closes. */
export interface Attached {
  handlers: ApiHandlers;
  /** Stops the sync service and the long-work runner (everything with a connection of its own). */
  stop(): Promise<void>;
}

/** What the handlers may ask of the shell about its store (HandlerEnvironment). */
export interface ShellStorePorts {
  /** Replaces this (empty) store by a copy of a host's point, in place; reopened either way. */
  joinPoint(args: {
    url: string;
    code: string;
    deskName: string;
  }): Promise<Result<JoinedPoint, JoinInPlaceFailure>>;
  /** This desk unpaired and its copy is gone: nothing may touch the store again. */
  wiped(): Promise<void>;
}

/**
 * The store a shell (Electron main, `start:web`) has open, and everything attached to it, behind
 * one set of handlers that the transport keeps: a join closes the store, replaces it and opens
 * it again with fresh handlers, sync and long work; calls that arrive meanwhile wait and then
 * reach the new ones. One code path for both shells.
 */
export function createShellStore(
  first: StoreContext,
  attach: (ctx: StoreContext, ports: ShellStorePorts) => Promise<Attached>,
  /** The point this PC is set up for, if the machine policy names one: a join must bring that one. */
  expectPoint: string | null = null,
) {
  let ctx: StoreContext | null = first;
  let attached: Attached | null = null;
  let swapping: Promise<unknown> | null = null;
  /** Stops what runs on the store once, whoever asks (a wipe, then the quit). */
  let stopped: Promise<void> | null = null;
  const stopAttached = () => (stopped ??= attached ? attached.stop() : Promise.resolve());

  const ports: ShellStorePorts = {
    joinPoint: (args) => {
      const run = (async () => {
        const was = ctx;
        if (!was) throw new Error('store closed');
        await stopAttached();
        // Never under another process (`desk serve`, a CLI command): on Linux a rename would
        // leave it writing to the moved file.
        if (!holdStoreAlone(was.db)) {
          await reattach(was);
          return fail('in_use');
        }
        was.db.close();
        ctx = null;
        const joined = await joinInPlace({ dbPath: was.dbPath, clock: was.clock, expectPoint, ...args });
        await reopen(was);
        return joined;
      })();
      swapping = run.finally(() => (swapping = null));
      return run;
    },
    wiped: async () => {
      // The unpair closed the store and deleted it; the handlers stay for the result view only.
      await stopAttached();
      ctx = null;
    },
  };

  const reattach = async (store: StoreContext) => {
    attached = await attach(store, ports);
    stopped = null;
  };

  const reopen = async (was: StoreContext) => {
    const opened = openStore(was.dbPath);
    if (!opened.ok) throw new Error(`store did not open again: ${opened.error}`);
    ctx = { ...was, db: opened.value };
    await reattach(ctx);
  };

  const handlers = {} as Record<ApiMethod, (args: unknown) => Promise<unknown>>;
  for (const name of API_METHODS)
    handlers[name] = async (args) => {
      // A join in progress: wait for the store it opens (bounded by the join's own timeouts).
      while (swapping) await swapping.catch(() => undefined);
      if (!attached) throw new Error('no store attached');
      return (attached.handlers[name] as (a: unknown) => Promise<unknown>)(args);
    };

  return {
    /** Attaches the first store; call once before serving. */
    async start(): Promise<void> {
      await reattach(first);
    },
    handlers: handlers as unknown as ApiHandlers,
    /** The store open now; null after an unpair wiped it (or while a join replaces it). */
    current: (): StoreContext | null => ctx,
    /** The screen's connection closes at once (Electron's will-quit does not wait); sync and long work have their own. */
    async close(): Promise<void> {
      const stopping = stopAttached();
      if (ctx?.db.open) ctx.db.close();
      ctx = null;
      await stopping;
    },
  };
}
