import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('the folders of src', () => {
  // The lint forbids cycles between files; two folders that import each other are a module in the
  // wrong folder, which a newcomer trips over. None today: keep it so.
  it('import each other in no cycle', () => {
    const out = execFileSync(process.execPath, ['scripts/count-cycles.mjs', 'src'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out).toMatch(/^files: 0 cycle\(s\)/m);
    expect(out).toMatch(/^folders: 0 cycle\(s\)/m);
  });
});
