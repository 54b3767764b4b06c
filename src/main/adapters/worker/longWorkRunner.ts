import { Worker } from 'node:worker_threads';
import type { Progress } from '../../../shared/api/progress';
import type { KeyProtector } from '../../platform/keys/installationKey';
import type { StoreContext } from '../../store/storeContext';
import type { KeyRequest, LongJob, LongJobValues, WorkerMessage, WorkerStart } from './longJobs';
import { runLongJob } from './runLongJob';

export interface LongWorkRunner {
  /** Runs the job off the main thread; jobs run one at a time, in the order asked. */
  run<W extends LongJob['work']>(job: Extract<LongJob, { work: W }>): Promise<LongJobValues[W]>;
  /** Stops the running job (its transaction rolls back) and refuses new ones. */
  close(): Promise<void>;
}

export interface LongWorkOptions {
  /** Every progress message of every job, in order (the transports send them to the window). */
  publish?: (progress: Progress) => void;
  /** The shell's sealing of the report key; the worker asks the main thread to use it. */
  protector?: KeyProtector;
}

/**
 * The worker entry next to this module: the TypeScript source under tsx (development, tests), the
 * bundled longWorkEntry.mjs next to main.mjs in the Electron build (scripts/build-electron.mjs).
 */
export function longWorkEntry(moduleUrl: string = import.meta.url): { url: URL; execArgv: string[] } {
  if (moduleUrl.endsWith('.ts'))
    return { url: new URL('./longWorkEntry.ts', moduleUrl), execArgv: ['--import', 'tsx'] };
  return { url: new URL('./longWorkEntry.mjs', moduleUrl), execArgv: [] };
}

/** Long work in a worker thread with its own connection to the store file. */
export function createLongWorkRunner(ctx: StoreContext, options: LongWorkOptions = {}): LongWorkRunner {
  if (ctx.dbPath === ':memory:') return inlineRunner(ctx, options);
  let queue: Promise<unknown> = Promise.resolve();
  let running: Worker | null = null;
  let closed = false;

  const start = <W extends LongJob['work']>(job: Extract<LongJob, { work: W }>) =>
    new Promise<LongJobValues[W]>((resolve, reject) => {
      if (closed) return reject(new Error('long work runner closed'));
      const entry = longWorkEntry();
      const workerData: WorkerStart = {
        job,
        dbPath: ctx.dbPath,
        backupDir: ctx.backupDir,
        now: ctx.clock.now().toISOString(),
        remoteProtector: options.protector !== undefined,
      };
      const plain: LongJob = job;
      const transfer = plain.work === 'importPackage' ? [ownBuffer(plain)] : [];
      const worker = new Worker(entry.url, { workerData, transferList: transfer, execArgv: entry.execArgv });
      running = worker;
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        running = null;
        fn();
      };
      worker.on('message', (message: WorkerMessage) => {
        switch (message.type) {
          case 'progress':
            options.publish?.(message.progress);
            return;
          case 'done':
            settle(() => resolve(message.value as LongJobValues[W]));
            return;
          case 'failed':
            settle(() => reject(new Error(`long work ${job.work} failed: ${message.message}`)));
            return;
          case 'key':
            answerKeyRequest(options.protector, message);
            return;
        }
      });
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) =>
        settle(() => reject(new Error(`long work ${job.work} stopped (exit code ${code})`))),
      );
    });

  return {
    run(job) {
      const next = queue.then(() => start(job));
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      closed = true;
      await running?.terminate();
    },
  };
}

/** The package's bytes in a buffer of their own, so they can be transferred, not copied. */
function ownBuffer(job: Extract<LongJob, { work: 'importPackage' }>): ArrayBuffer {
  const bytes = job.packageBytes;
  if (
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  )
    return bytes.buffer;
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  job.packageBytes = copy;
  return copy.buffer;
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

/** An in-memory store lives in this thread only: its long work runs here, one job at a time. */
function inlineRunner(ctx: StoreContext, options: LongWorkOptions): LongWorkRunner {
  let queue: Promise<unknown> = Promise.resolve();
  const publish = options.publish ?? (() => {});
  return {
    run<W extends LongJob['work']>(job: Extract<LongJob, { work: W }>) {
      const next = queue.then(
        () => runLongJob(ctx, job, publish, options.protector) as Promise<LongJobValues[W]>,
      );
      queue = next.catch(() => undefined);
      return next;
    },
    close: () => Promise.resolve(),
  };
}
