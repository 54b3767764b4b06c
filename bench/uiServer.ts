/**
 * The UI bench's server in a process of its own, as `start:web` runs it: the bench's own process
 * drives Chromium over Playwright, and a server sharing that event loop answered a keystroke's
 * search only once Playwright had handled the keystroke's protocol messages (issue 13, "Paint").
 * Usage (by uiBench.ts): node --import tsx bench/uiServer.ts <store.sqlite> <work folder>
 * Prints one line of JSON, `{"url": …}`, once it listens; stops when its stdin closes.
 */
import path from 'node:path';
import { startHttpTransport } from '../src/main/adapters/web/httpTransport';
import { RENDERER_DIST } from '../src/main/platform/paths';
import { openStore } from '../src/main/store/openStore';
import { fixedClock } from '../src/shared/time/clock';
import { benchApiHandlers } from './dataset';

const [dbPath, dir] = process.argv.slice(2);
if (dbPath === undefined || dir === undefined) throw new Error('usage: uiServer.ts <store.sqlite> <work folder>');
const opened = openStore(dbPath);
if (!opened.ok) throw new Error(opened.error);
const ctx = {
  db: opened.value,
  clock: fixedClock('2026-12-02T10:00:00Z'),
  dbPath,
  backupDir: path.join(dir, 'backups'),
};
const handlers = benchApiHandlers(ctx, dir);
const transport = await startHttpTransport({ handlers, staticDir: RENDERER_DIST });
process.stdout.write(`${JSON.stringify({ url: transport.url })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void transport.close().then(() => {
    ctx.db.close();
    process.exit(0);
  });
});
