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
import { POSTCODES_FILE } from '../../src/main/platform/paths';

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
  env: {
    postcodesFile: POSTCODES_FILE,
    reportsDir: path.join(path.dirname(dbPath), 'reports'),
    demoMode: false,
    version: 'test',
  },
  publish: (p) => fs.writeSync(1, `progress ${p.phase} ${p.done} ${p.total}\n`),
});
const contentBase64 = fs.readFileSync(packagePath).toString('base64');
const args = { fileName: 'large.lkb', contentBase64, allowUnsigned: false, preview: false };
const result = (await runner.run('importPackage', args, null)) as { ok: boolean; error?: string };
fs.writeSync(1, `done ${result.ok ? 'ok' : result.error}\n`);
ctx.db.close();
