/**
 * A process that imports one package through the long-work runner (a real worker thread) and
 * writes each progress value to stdout with a synchronous write, so a test can SIGKILL it at a
 * chosen phase:
 *
 *   node --import tsx test/helpers/longWorkChild.ts <store> <package> <clock ISO>
 *
 *   progress <phase> <done> <total>     …     done <ok|error>
 */
import fs from 'node:fs';
import path from 'node:path';
import { createLongWorkRunner } from '../../src/main/adapters/worker/longWorkRunner';
import { openStore } from '../../src/main/store/openStore';
import { fixedClock } from '../../src/shared/time/clock';

const [dbPath, packagePath, clockAt] = process.argv.slice(2);
if (!dbPath || !packagePath || !clockAt) {
  fs.writeSync(2, 'usage: longWorkChild.ts <store> <package> <clock ISO>\n');
  process.exit(2);
}
const opened = openStore(dbPath);
if (!opened.ok) process.exit(3);
const ctx = {
  db: opened.value,
  clock: fixedClock(clockAt),
  dbPath,
  backupDir: path.join(path.dirname(dbPath), 'backups'),
};
const runner = createLongWorkRunner(ctx, {
  publish: (p) => fs.writeSync(1, `progress ${p.phase} ${p.done} ${p.total}\n`),
});
const result = await runner.run({
  work: 'importPackage',
  packageBytes: new Uint8Array(fs.readFileSync(packagePath)),
  allowUnsigned: false,
  preview: false,
});
fs.writeSync(1, `done ${result.ok ? 'ok' : result.error}\n`);
ctx.db.close();
