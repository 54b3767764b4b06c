import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importBatch } from '../../../../../src/main/useCases/import/importBatch';
import { readZipEntries } from '../../../../../src/main/platform/zip/readZip';
import { inflateWhole, openZip } from '../../../../../src/main/platform/zip/readZip';
import { makeTestPackage } from '../../../../helpers/packages';
import { testStore, tempDir } from '../../../../helpers/store';

/**
 * Packages zipped by the tools an issuer might really use, not by our own writer: Info-ZIP `zip`,
 * `7z a -tzip`, `bsdtar` (libarchive) and a streamed writer that puts sizes in data descriptors.
 * They carry extra fields (timestamps, Unix owners) and descriptors; the spec forbids neither.
 */
function entriesOfTestPackage(): Map<string, Uint8Array> {
  const entries = readZipEntries(makeTestPackage());
  if (!entries.ok) throw new Error('test package unreadable');
  return entries.value;
}

function folderWithEntries(): string {
  const dir = tempDir('balie-zip-');
  for (const [name, data] of entriesOfTestPackage()) fs.writeFileSync(path.join(dir, name), data);
  return dir;
}

const NAMES = ['manifest.json', 'manifest.sig', 'cards.csv'];

function zipWith(tool: 'zip' | '7z' | 'bsdtar'): Uint8Array {
  const dir = folderWithEntries();
  const out = path.join(dir, 'out.lkb');
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir, stdio: 'pipe' });
  if (tool === 'zip') run('zip', ['-q', '-X', out, ...NAMES]);
  if (tool === '7z') run('7z', ['a', '-tzip', '-bd', out, ...NAMES]);
  if (tool === 'bsdtar') run('bsdtar', ['--format', 'zip', '-cf', out, ...NAMES]);
  return new Uint8Array(fs.readFileSync(out));
}

/** fflate's streaming Zip: sizes unknown up front, so each entry ends in a data descriptor. */
function zipStreamed(stored: boolean): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, data] of entriesOfTestPackage()) {
    const file = stored ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    zip.add(file);
    // Two pushes: a streamed writer never knows the whole entry at once.
    file.push(data.subarray(0, 10));
    file.push(data.subarray(10), true);
  }
  zip.end();
  return new Uint8Array(Buffer.concat(chunks));
}

describe('packages zipped by real archivers import correctly', () => {
  it.each(['zip', '7z', 'bsdtar'] as const)('%s', async (tool) => {
    const bytes = zipWith(tool);
    const store = testStore();
    const result = await importBatch(store, bytes);
    expect(result.ok ? result.value : result).toMatchObject({ added: 3, signature: 'valid' });
  });

  it('a streamed writer with data descriptors (deflate)', async () => {
    const bytes = zipStreamed(false);
    const opened = openZip(bytes);
    expect(opened.ok).toBe(true);
    const result = await importBatch(testStore(), bytes);
    expect(result.ok ? result.value : result).toMatchObject({ added: 3, signature: 'valid' });
  });

  it('a streamed writer with data descriptors (stored)', async () => {
    const result = await importBatch(testStore(), zipStreamed(true));
    expect(result.ok ? result.value : result).toMatchObject({ added: 3 });
  });

  it('refuses a real archive with a folder entry, naming it', async () => {
    const dir = folderWithEntries();
    fs.mkdirSync(path.join(dir, 'map'));
    execFileSync('zip', ['-q', path.join(dir, 'out.lkb'), ...NAMES, 'map'], { cwd: dir, stdio: 'pipe' });
    const result = await importBatch(testStore(), new Uint8Array(fs.readFileSync(path.join(dir, 'out.lkb'))));
    expect(result.ok ? [] : result.error === 'invalid_package' ? result.problems : []).toEqual([
      { code: 'zip_entry_path', severity: 'error', file: 'map/', value: 'map/' },
    ]);
  });

  it('reads the exact bytes back from every tool', () => {
    const expected = entriesOfTestPackage();
    for (const bytes of [zipWith('zip'), zipWith('7z'), zipWith('bsdtar'), zipStreamed(false)]) {
      const opened = openZip(bytes);
      if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
      for (const [name, entry] of opened.value) {
        const data = inflateWhole(bytes, entry);
        expect(data.ok && Buffer.from(data.value).equals(Buffer.from(expected.get(name) ?? []))).toBe(true);
      }
    }
  });
});
