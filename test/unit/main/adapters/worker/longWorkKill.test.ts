import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dbChecksum, testStore } from '../../../../helpers/store';
import { makeLargeTestPackage } from '../../../../helpers/packages';

const ROOT = path.resolve(import.meta.dirname, '../../../../..');
const CARDS = 20_000;

/** Runs the import in a child process (its worker thread inside) and SIGKILLs it at `phase`. */
function importAndKillAt(dbPath: string, packagePath: string, phase: 'parse' | 'apply'): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/helpers/longWorkChild.ts', dbPath, packagePath, '2026-12-02T09:30:00Z'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines: string[] = [];
    let buffer = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const [kind, at, done] = line.split(' ');
        if (kind === 'progress' && at === phase && (phase === 'apply' || Number(done) > 0))
          child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(lines);
    });
  });
}

describe('a killed import process', () => {
  it('SIGKILLed while reading cards: the store is as it was', async () => {
    const store = testStore();
    const packagePath = path.join(store.dir, 'large.lkb');
    fs.writeFileSync(packagePath, makeLargeTestPackage(CARDS));
    const before = dbChecksum(store.db);
    const lines = await importAndKillAt(store.dbPath, packagePath, 'parse');
    expect(lines.some((l) => l.startsWith('progress parse'))).toBe(true);
    expect(lines.some((l) => l.startsWith('done'))).toBe(false);
    expect(dbChecksum(store.db)).toBe(before);
    store.db.close();
  });

  it('SIGKILLed as the apply transaction starts: all of the batch or none of it', async () => {
    const store = testStore();
    const packagePath = path.join(store.dir, 'large.lkb');
    fs.writeFileSync(packagePath, makeLargeTestPackage(CARDS));
    const before = dbChecksum(store.db);
    const lines = await importAndKillAt(store.dbPath, packagePath, 'apply');
    expect(lines.some((l) => l.startsWith('progress apply'))).toBe(true);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const batches = store.db.prepare('SELECT count(*) FROM batches').pluck().get() as number;
    const cards = store.db.prepare('SELECT count(*) FROM cards').pluck().get() as number;
    if (batches === 0) expect(dbChecksum(store.db)).toBe(before);
    else expect(cards).toBe(CARDS);
    store.db.close();
  });
});
