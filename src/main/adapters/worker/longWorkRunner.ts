import type { Worker } from 'node:worker_threads';
import type { LongWork, Progress } from '../../../shared/api/progress';
import type { KeyProtector } from '../../platform/keys/installationKey';
import type { StoreContext } from '../../store/storeContext';
import type { AdminGrant } from '../../useCases/admin/adminPin';
import { runLongUseCase, type LongWorkEnvironment, type LongWorkPort } from '../api/handlers';
import type { KeyRequest, LongCall, WorkerStart } from './longJobs';
import { startWorkerThread } from './workerThread';

export interface LongWorkRunner extends LongWorkPort {
  /** Runs the call off the main thread; calls run one at a time, in the order asked. */
  run(method: LongWork, args: unknown, grant: AdminGrant | null | undefined): Promise<unknown>;
  /** Stops the running call (its transaction rolls back) and refuses new ones. */
  close(): Promise<void>;
}

export interface LongWorkOptions {
  /** The handlers' environment, as the worker's use cases need it (plain data). */
  env: LongWorkEnvironment;
  /** Every progress message of every call, in order (the transports send them to the window). */
  publish?: (progress: Progress) => void;
  /** The shell's sealing of the report key; the worker asks the main thread to use it. */
  protector?: KeyProtector | undefined;
}

/** Long work in a worker thread with its own connection to the store file. */
export function createLongWorkRunner(ctx: StoreContext, options: LongWorkOptions): LongWorkRunner {
  if (ctx.dbPath === ':memory:') return inlineRunner(ctx, options);
  let queue: Promise<unknown> = Promise.resolve();
  let running: Worker | null = null;
  let closed = false;
  /** Set while a call holds main's writes (from its hold-writes message until it ends). */
  let writesHeld: { done: Promise<void>; release: () => void } | null = null;
  const releaseWrites = () => {
    writesHeld?.release();
    writesHeld = null;
  };

  const start = (call: LongCall): Promise<unknown> => {
    if (closed) return Promise.reject(new Error('long work runner closed'));
    const workerData: WorkerStart = {
      kind: 'api',
      call,
      env: plainEnvironment(options.env),
      dbPath: ctx.dbPath,
      backupDir: ctx.backupDir,
      now: ctx.clock.now().toISOString(),
      remoteProtector: options.protector !== undefined,
      writesHeld: new SharedArrayBuffer(4),
    };
    const heldFlag = new Int32Array(workerData.writesHeld);
    const { worker, result } = startWorkerThread<Progress>(workerData, `long work ${call.method}`, {
      progress: (progress) => options.publish?.(progress),
      key: (request) => answerKeyRequest(options.protector, request),
      holdWrites: () => {
        let release = () => {};
        const done = new Promise<void>((resolve) => (release = resolve));
        writesHeld ??= { done, release };
        Atomics.store(heldFlag, 0, 1);
        Atomics.notify(heldFlag, 0);
      },
    });
    running = worker;
    return result.finally(() => {
      running = null;
      releaseWrites();
    });
  };

  return {
    run(method, args, grant) {
      const next = queue.then(() => start({ method, args, grant }));
      queue = next.catch(() => undefined);
      return next;
    },
    writesIdle: () => writesHeld?.done ?? Promise.resolve(),
    async close() {
      closed = true;
      await running?.terminate();
    },
  };
}

/** Only the environment's data crosses to the worker (functions cannot be cloned). */
function plainEnvironment(
  env: LongWorkEnvironment & {
    keyProtector?: unknown;
    updateStatus?: unknown;
    longWork?: unknown;
    printPdf?: unknown;
  },
): LongWorkEnvironment {
  const { keyProtector: _k, updateStatus: _u, longWork: _l, printPdf: _p, ...plain } = env;
  return plain;
}

function answerKeyRequest(protector: KeyProtector | undefined, request: KeyRequest): void {
  const state = new Int32Array(request.reply, 0, 2);
  try {
    if (!protector) throw new Error('no key protector');
    const out =
      request.op === 'seal'
        ? protector.seal(Buffer.from(request.data).toString('utf8'))
        : Buffer.from(protector.open(Buffer.from(request.data)), 'utf8');
    const room = new Uint8Array(request.reply, 8);
    if (out.length > room.length) throw new Error('key reply too large');
    room.set(out);
    state[1] = out.length;
    Atomics.store(state, 0, 1);
  } catch {
    Atomics.store(state, 0, 2);
  }
  Atomics.notify(state, 0);
}

/** An in-memory store lives in this thread only: its long work runs here, one call at a time. */
function inlineRunner(ctx: StoreContext, options: LongWorkOptions): LongWorkRunner {
  let queue: Promise<unknown> = Promise.resolve();
  const publish = options.publish ?? (() => {});
  const env = options.protector ? { ...options.env, keyProtector: options.protector } : options.env;
  return {
    run(method, args, grant) {
      const hooks = { progress: publish, holdWrites: () => {} };
      const next = queue.then(() => runLongUseCase(ctx, env, method, args, grant, hooks));
      queue = next.catch(() => undefined);
      return next;
    },
    // In this thread a write cannot start while the import's transaction runs.
    writesIdle: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}
