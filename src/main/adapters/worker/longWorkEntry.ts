// The worker thread of long work (every method the contract declares `long`: import, report,
// backup, new year; and the CLI's jobs in cliJobs.ts: restore, purge): its own connection to the
// same store file (WAL, synchronous=FULL, openStore), so the main thread keeps answering searches
// and hand-outs on its connection. Started by longWorkRunner.ts or cliJobRunner.ts, one call per
// thread; it runs the same use case the handler or the command would.
import { parentPort, workerData } from 'node:worker_threads';
import { fixedClock } from '../../../shared/time/clock';
import type { KeyProtector } from '../../platform/keys/installationKey';
import { openStore } from '../../store/openStore';
import { runLongUseCase } from '../api/handlers';
import type { Progress } from '../../../shared/api/progress';
import { runCliJobHere, type CliJobProgress } from './cliJobs';
import type { CliWorkerStart, KeyRequest, WorkerMessage, WorkerStart } from './longJobs';

const KEY_REPLY_WAIT_MS = 30_000;
/** The main thread answers from its event loop at once; after this the import goes ahead anyway. */
const HOLD_REPLY_WAIT_MS = 10_000;

const port = parentPort;
if (!port) throw new Error('longWorkEntry.ts runs only as a worker thread');
const post = (message: WorkerMessage<Progress | CliJobProgress>, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

/** Seals and opens through the main thread (Electron's safeStorage is not there in a worker). */
function remoteProtector(): KeyProtector {
  const ask = (op: KeyRequest['op'], data: Uint8Array): Buffer => {
    const reply = new SharedArrayBuffer(8 + 64 * 1024);
    const state = new Int32Array(reply, 0, 2);
    post({ type: 'key', op, data, reply });
    // A worker may block: the main thread answers from its event loop and wakes this one.
    Atomics.wait(state, 0, 0, KEY_REPLY_WAIT_MS);
    if (Atomics.load(state, 0) !== 1) throw new Error(`key ${op} failed`);
    return Buffer.from(new Uint8Array(reply, 8, state[1]));
  };
  return {
    seal: (pem) => ask('seal', Buffer.from(pem, 'utf8')),
    open: (sealed) => ask('open', sealed).toString('utf8'),
  };
}

async function main(start: WorkerStart): Promise<void> {
  const opened = openStore(start.dbPath);
  if (!opened.ok) {
    post({ type: 'failed', message: `store: ${opened.error}` });
    return;
  }
  const db = opened.value;
  try {
    const ctx = { db, clock: fixedClock(start.now), dbPath: start.dbPath, backupDir: start.backupDir };
    const env = start.remoteProtector ? { ...start.env, keyProtector: remoteProtector() } : start.env;
    const { method, args, grant } = start.call;
    const held = new Int32Array(start.writesHeld);
    const value = await runLongUseCase(ctx, env, method, args, grant, {
      progress: (progress) => post({ type: 'progress', progress }),
      // Before BEGIN IMMEDIATE: once main has answered, no write of its own can be waiting on
      // the lock (it would block main's whole event loop); its writes wait in a queue instead.
      holdWrites: () => {
        post({ type: 'hold-writes' });
        Atomics.wait(held, 0, 0, HOLD_REPLY_WAIT_MS);
      },
    });
    post({ type: 'done', value });
  } catch (error) {
    post({ type: 'failed', message: (error as Error).stack ?? String(error) });
  } finally {
    db.close();
  }
}

/** A CLI job: it opens the store itself (a restore must find it closed). */
async function cliJob(start: CliWorkerStart): Promise<void> {
  try {
    const place = { dbPath: start.dbPath, backupDir: start.backupDir, clock: fixedClock(start.now) };
    const value = await runCliJobHere(start.job, place, start.args as never, (progress) =>
      post({ type: 'progress', progress }),
    );
    post({ type: 'done', value });
  } catch (error) {
    post({ type: 'failed', message: (error as Error).stack ?? String(error) });
  }
}

const start = workerData as WorkerStart | CliWorkerStart;
void (start.kind === 'cli' ? cliJob(start) : main(start));
