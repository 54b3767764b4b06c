import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/store';

// The project's own eslint.config.js run on small files in a scratch tree laid out like the repo,
// so a rule that silently stopped working (a resolver that finds nothing, a pattern that matches
// no file) fails here instead of letting cycles and wall-clock reads back in.
const ROOT = path.resolve(import.meta.dirname, '../../..');
let scratch: string;
let eslint: ESLint;

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
  fs.writeFileSync(path.join(scratch, file), text);
}

async function findings(file: string): Promise<{ rule: string | null; line: number }[]> {
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, line: m.line }));
}

beforeAll(() => {
  scratch = tempDir('balie-lint-');
  eslint = new ESLint({ cwd: scratch, overrideConfigFile: path.join(ROOT, 'eslint.config.js') });
  write(
    'src/main/platform/a/first.ts',
    "import { second } from '../b/second';\nexport const first = (): number => second() + 1;\n",
  );
  write(
    'src/main/platform/b/second.ts',
    "import { first } from '../a/first';\nexport const second = (): number => first() - 1;\n",
  );
  // One way a value, the other way only a type: the shape of the old installationKey ↔ keySealing pair.
  write(
    'src/main/keys/reader.ts',
    "import { isSealed } from './sealer';\nexport interface Protector {\n  open(b: string): string;\n}\nexport const read = (b: string): boolean => isSealed(b);\n",
  );
  write(
    'src/main/keys/sealer.ts',
    "import type { Protector } from './reader';\nexport const isSealed = (b: string): boolean => b.startsWith('S');\nexport const plain: Protector = { open: (b) => b };\n",
  );
  write(
    'src/shared/pure/alone.ts',
    "import { leaf } from './leaf';\nexport const alone = (): number => leaf;\n",
  );
  write('src/shared/pure/leaf.ts', 'export const leaf = 1;\n');
  write(
    'src/main/platform/stamp.ts',
    "export const a = Date.now();\nexport const b = new Date();\nexport const c = new Date('2027-01-05T09:00:00Z');\n",
  );
  write('test/unit/stamp.test.ts', 'export const a = Date.now();\nexport const b = new Date();\n');
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('eslint.config.js', () => {
  it('reports two modules that import each other, on both sides', async () => {
    const both = [
      { rule: 'import-x/no-cycle', line: 1 },
      { rule: 'cycles/no-type-cycle', line: 1 },
    ];
    expect(await findings('src/main/platform/a/first.ts')).toEqual(both);
    expect(await findings('src/main/platform/b/second.ts')).toEqual(both);
  });

  it('reports a cycle closed by a type-only import, which import-x/no-cycle does not see', async () => {
    expect(await findings('src/main/keys/reader.ts')).toEqual([{ rule: 'cycles/no-type-cycle', line: 1 }]);
    expect(await findings('src/main/keys/sealer.ts')).toEqual([{ rule: 'cycles/no-type-cycle', line: 1 }]);
  });

  it('leaves an import that goes one way alone', async () => {
    expect(await findings('src/shared/pure/alone.ts')).toEqual([]);
  });

  it('bans Date.now() and new Date() in src, but not parsing a date with new Date(value)', async () => {
    expect(await findings('src/main/platform/stamp.ts')).toEqual([
      { rule: 'no-restricted-properties', line: 1 },
      { rule: 'no-restricted-syntax', line: 2 },
    ]);
  });

  it('lets tests drive time as they like', async () => {
    expect(await findings('test/unit/stamp.test.ts')).toEqual([]);
  });
});
