import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZipEntries } from '../../../../../src/main/platform/zip/readZip';
import { writeZip } from '../../../../../src/main/platform/zip/writeZip';
import { rawZip } from '../../../../helpers/rawZip';

const text = (s: string) => new TextEncoder().encode(s);
const MANIFEST = text('{"format":"lerarenkaart-batch/1"}');
const CARDS = text('kaartnummer;stamboeknummer\r\n270000000154;77886501365\r\n');

function codesOf(result: ReturnType<typeof readZipEntries>): string[] {
  return result.ok ? [] : result.problems.map((p) => p.code);
}

describe('opening a package ZIP', () => {
  it('gives back every known entry with its exact bytes', () => {
    const zip = writeZip({ 'manifest.json': MANIFEST, 'cards.csv': CARDS });
    const result = readZipEntries(zip);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.value.keys()]).toEqual(['manifest.json', 'cards.csv']);
    expect(result.value.get('cards.csv')).toEqual(CARDS);
  });

  it('reads stored (uncompressed) entries too', () => {
    const result = readZipEntries(rawZip([{ name: 'cards.csv', data: CARDS, method: 0 }]));
    expect(result.ok && result.value.get('cards.csv')).toEqual(CARDS);
  });

  it('writes the same bytes for the same entries, whatever the time zone', () => {
    const a = writeZip({ 'cards.csv': CARDS });
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(writeZip({ 'cards.csv': CARDS })).toEqual(a);
    } finally {
      process.env.TZ = before;
    }
  });

  it.each([
    ['random bytes', new Uint8Array(1000).map((_, i) => (i * 7919) % 256)],
    ['an empty file', new Uint8Array(0)],
    ['a text file', text('kaartnummer;stamboeknummer\n')],
    ['a truncated ZIP', writeZip({ 'cards.csv': CARDS }).slice(0, 40)],
  ])('refuses %s as unreadable without throwing', (_label, bytes) => {
    const result = readZipEntries(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe('invalid_zip');
    expect(result.problems).toEqual([{ code: 'zip_unreadable', severity: 'error', file: 'package' }]);
  });

  it('refuses a ZIP whose data is corrupt as unreadable', () => {
    const zip = rawZip([{ name: 'cards.csv', data: CARDS, compressed: new Uint8Array(20).fill(0xff) }]);
    const result = readZipEntries(zip);
    expect(result.ok ? [] : result.problems).toEqual([
      { code: 'zip_entry_damaged', severity: 'error', file: 'cards.csv', zipDamage: 'inflate' },
    ]);
  });
});

describe('refusing entries that could escape the import folder (zip slip)', () => {
  it.each(['../x', 'a/b.csv', '/etc/passwd', 'C:\\x', 'C:x', '..\\cards.csv', 'cards.csv/', '..'])(
    'refuses %s as a path',
    (name) => {
      const result = readZipEntries(rawZip([{ name, data: CARDS }]));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({ code: 'zip_entry_path', severity: 'error' });
    },
  );

  it('refuses an unknown entry at the root, naming it', () => {
    const zip = writeZip({ 'manifest.json': MANIFEST, 'cards.csv': CARDS, 'virus.exe': text('MZ') });
    const result = readZipEntries(zip);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { code: 'zip_entry_unknown', severity: 'error', file: 'virus.exe', value: 'virus.exe' },
    ]);
  });

  it('refuses __proto__ and friends as unknown entries', () => {
    const result = readZipEntries(
      rawZip([
        { name: '__proto__', data: CARDS },
        { name: 'constructor', data: CARDS },
      ]),
    );
    expect(codesOf(result)).toEqual(['zip_entry_unknown', 'zip_entry_unknown']);
  });

  it('accepts other names when the caller allows them', () => {
    const result = readZipEntries(writeZip({ 'export.csv': CARDS }), { allowedNames: ['export.csv'] });
    expect(result.ok).toBe(true);
  });

  it('refuses two entries with the same name', () => {
    const zip = rawZip([
      { name: 'cards.csv', data: CARDS },
      { name: 'cards.csv', data: text('kaartnummer\r\n999999999999\r\n') },
    ]);
    const result = readZipEntries(zip);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { code: 'zip_entry_duplicate', severity: 'error', file: 'cards.csv', value: 'cards.csv' },
    ]);
  });

  it('reports every bad entry at once', () => {
    const zip = rawZip([
      { name: '../evil', data: CARDS },
      { name: 'extra.txt', data: CARDS },
      { name: 'cards.csv', data: CARDS },
    ]);
    expect(codesOf(readZipEntries(zip))).toEqual(['zip_entry_path', 'zip_entry_unknown']);
  });
});

describe('refusing zip bombs before inflating them', () => {
  const zeros = new Uint8Array(30 * 1024 * 1024);
  const bomb = zipSync({ 'cards.csv': [zeros, { level: 9 }] });

  it('refuses 30 MB of zeros (ratio above 100:1), saying the ratio', () => {
    expect(bomb.length).toBeLessThan(zeros.length / 100);
    const result = readZipEntries(bomb);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code: 'zip_ratio', file: 'cards.csv', expected: '100' });
    expect(Number(result.problems[0]?.value)).toBeGreaterThan(100);
  });

  it('decides from the central directory alone: the compressed data is never inflated', () => {
    // Same directory, but the compressed bytes replaced with garbage: inflating would fail as
    // unreadable, so getting zip_ratio proves the check came first and nothing was inflated.
    const garbage = rawZip([
      {
        name: 'cards.csv',
        data: new Uint8Array(0),
        compressed: new Uint8Array(30_000).fill(0xff),
        declaredSize: 30 * 1024 * 1024,
      },
    ]);
    expect(codesOf(readZipEntries(garbage))).toEqual(['zip_ratio']);
  });

  it('treats content with a compressed size of 0 as an infinite ratio', () => {
    const zip = rawZip([
      { name: 'cards.csv', data: new Uint8Array(0), compressed: new Uint8Array(0), declaredSize: 1000 },
    ]);
    const result = readZipEntries(zip);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ code: 'zip_ratio', value: 'oneindig' });
  });

  it('accepts an empty entry (nothing to inflate, ratio 0)', () => {
    const result = readZipEntries(rawZip([{ name: 'points.csv', data: new Uint8Array(0), method: 0 }]));
    expect(result.ok && result.value.get('points.csv')?.length).toBe(0);
  });

  it('refuses an entry above the size limit from its declared size', () => {
    const data = new Uint8Array(4096).map((_, i) => (i * 31) % 251);
    const result = readZipEntries(writeZip({ 'cards.csv': data }), { maxEntryBytes: 1024 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { code: 'zip_entry_too_large', severity: 'error', file: 'cards.csv', value: '4096', expected: '1024' },
    ]);
  });

  it('refuses an entry claiming more than 200 MiB by default, without allocating it', () => {
    const zip = rawZip([
      {
        name: 'cards.csv',
        data: new Uint8Array(0),
        compressed: new Uint8Array(16),
        declaredSize: 0xfffffff0,
      },
    ]);
    expect(codesOf(readZipEntries(zip))).toEqual(['zip_entry_too_large']);
  });

  it('refuses an entry whose header claims more bytes than it really holds', () => {
    const zip = rawZip([{ name: 'cards.csv', data: CARDS, declaredSize: CARDS.length * 2 }]);
    const result = readZipEntries(zip);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({
      code: 'zip_entry_damaged',
      file: 'cards.csv',
      zipDamage: 'too_short',
    });
  });

  it('stops inflating at the declared size and refuses an entry that holds more (a header that claims too little)', () => {
    const zip = rawZip([{ name: 'cards.csv', data: CARDS, declaredSize: 10 }]);
    const result = readZipEntries(zip);
    expect(result.ok ? [] : result.problems).toEqual([
      { code: 'zip_entry_damaged', severity: 'error', file: 'cards.csv', zipDamage: 'too_long' },
    ]);
  });

  it('refuses a stored entry whose two sizes disagree, and an unknown compression method', () => {
    expect(
      codesOf(readZipEntries(rawZip([{ name: 'cards.csv', data: CARDS, method: 0, declaredSize: 5 }]))),
    ).toEqual(['zip_entry_damaged']);
    expect(codesOf(readZipEntries(rawZip([{ name: 'cards.csv', data: CARDS, method: 12 }])))).toEqual([
      'zip_entry_damaged',
    ]);
  });
});
