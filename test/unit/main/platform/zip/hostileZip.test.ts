import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openZip, readZipEntries } from '../../../../../src/main/platform/zip/readZip';
import { writeZip } from '../../../../../src/main/platform/zip/writeZip';
import { readBatchPackage } from '../../../../../src/main/useCases/import/readPackage';
import { makeTestPackage, testReadOptions } from '../../../../helpers/packages';
import { rawZip } from '../../../../helpers/rawZip';

/** Shapes of hostile ZIPs from issue 8, refused before anything is inflated. */
const text = (s: string) => new TextEncoder().encode(s);
const CARDS = text('kaartnummer;stamboeknummer\r\n270000000154;77886501365\r\n');

function problemsOf(result: { ok: boolean; problems?: unknown }) {
  return result.ok
    ? []
    : (result as { problems: { code: string; file: string; zipDamage?: string }[] }).problems;
}

function set32(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(at, value, true);
  return copy;
}

/** Offset of the first central directory header. */
function centralAt(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  for (let p = 0; p + 4 <= bytes.length; p++) if (view.getUint32(p, true) === 0x02014b50) return p;
  throw new Error('no central directory');
}

describe('a ZIP whose directory lies (issue 8: 204 KB that inflates 1.8 GB)', () => {
  it('refuses two names pointing at one stream as overlapping, naming the entry', () => {
    const zeros = deflateSync(new Uint8Array(2_000_000), { level: 9 });
    // A second directory entry (points.csv, same length name) aimed at the same local header.
    const zip = rawZip([
      { name: 'cards.csv', data: new Uint8Array(20_000), compressed: zeros, declaredSize: 20_000 },
      { name: 'cardz.csv', data: new Uint8Array(20_000), compressed: zeros, declaredSize: 20_000 },
    ]);
    const second = centralAt(zip) + 46 + 'cards.csv'.length;
    const aimed = set32(zip, second + 42, 0);
    const problems = problemsOf(readZipEntries(aimed, { allowedNames: ['cards.csv', 'cardz.csv'] }));
    expect(problems.map((p) => p.code)).toContain('zip_entry_damaged');
    expect(problems.map((p) => p.file)).toContain('cardz.csv');
  });

  it('refuses a compressed size that reaches beyond the file', () => {
    const zip = rawZip([{ name: 'cards.csv', data: CARDS, declaredCompressedSize: 10_000_000 }]);
    const problems = problemsOf(openZip(zip));
    expect(problems).toMatchObject([{ code: 'zip_entry_damaged', file: 'cards.csv' }]);
  });

  it('refuses a local header that disagrees with the directory about the size', () => {
    const zip = rawZip([{ name: 'cards.csv', data: CARDS }]);
    const lying = set32(zip, 22, CARDS.length + 5); // local header's uncompressed size
    expect(problemsOf(openZip(lying))).toMatchObject([
      { code: 'zip_entry_damaged', zipDamage: 'header_mismatch' },
    ]);
  });

  it('refuses a directory entry whose local header is missing', () => {
    const zip = rawZip([{ name: 'cards.csv', data: CARDS }]);
    const moved = set32(zip, centralAt(zip) + 42, 7);
    expect(problemsOf(openZip(moved))).toMatchObject([
      { code: 'zip_entry_damaged', zipDamage: 'local_header' },
    ]);
  });

  it('refuses a manifest above 64 KiB before inflating it', () => {
    const big = writeZip({ 'manifest.json': new Uint8Array(70 * 1024).map((_, i) => 32 + (i % 90)) });
    expect(problemsOf(readBatchPackage(big, testReadOptions()))).toMatchObject([
      { code: 'zip_entry_too_large', file: 'manifest.json', expected: String(64 * 1024) },
    ]);
  });

  it('verifies the signature before touching cards.csv: garbage data behind a bad signature says only "signature"', () => {
    const good = readZipEntries(makeTestPackage());
    if (!good.ok) throw new Error('unreadable');
    const manifest = good.value.get('manifest.json') ?? new Uint8Array();
    const zip = rawZip([
      { name: 'manifest.json', data: manifest },
      { name: 'manifest.sig', data: text(`${'A'.repeat(86)}==\n`) },
      // Declares 20 KB at a plausible ratio, but its bytes are not deflate at all.
      {
        name: 'cards.csv',
        data: new Uint8Array(0),
        compressed: new Uint8Array(1000).fill(0xff),
        declaredSize: 20_000,
      },
    ]);
    expect(problemsOf(readBatchPackage(zip, testReadOptions())).map((p) => p.code)).toEqual([
      'signature_invalid',
    ]);
  });

  it('names an entry with control characters in a printable form', () => {
    const zip = rawZip([{ name: 'ca\u0007rds\u202e.csv', data: CARDS }]);
    const problems = problemsOf(openZip(zip));
    expect(problems[0]?.file).toBe('ca?rds?.csv');
  });
});
