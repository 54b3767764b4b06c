import { seededRandom } from '../../src/shared/random/seededRandom';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import { sha256Hex, signEd25519 } from '../../src/main/platform/crypto/ed25519';
import { readZipEntries } from '../../src/main/platform/zip/readZip';
import { writeZip } from '../../src/main/platform/zip/writeZip';
import { FIXTURE_PACKAGES, makeTestPackage, testIssuerKeys } from './packages';
import { tempDir } from './store';

/**
 * A seeded, structure-aware mutator for batch packages. It starts from real packages (the
 * fixtures, Info-ZIP `zip`, a streamed writer with data descriptors) and changes what a hostile
 * or broken file changes: ZIP header fields (sizes, offsets, name lengths, method, flags), entry
 * names, truncation and garbage, and, behind a valid signature, the CSV bytes and manifest fields.
 */
export type Rng = () => number;

export const seededRng: (seed: number) => Rng = seededRandom;

const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, list: readonly T[]): T => list[int(rng, list.length)] as T;
const enc = (s: string) => new TextEncoder().encode(s);

export interface Seeds {
  zips: Uint8Array[];
  /** Entries of a good package, for re-signed content mutations. */
  manifest: Record<string, unknown>;
  cardsCsv: Uint8Array;
  pointsCsv: Uint8Array;
}

function streamed(entries: Map<string, Uint8Array>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, data] of entries) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(data, true);
  }
  zip.end();
  return new Uint8Array(Buffer.concat(chunks));
}

function infoZip(entries: Map<string, Uint8Array>): Uint8Array | null {
  try {
    const dir = tempDir('balie-fuzz-');
    for (const [name, data] of entries) fs.writeFileSync(path.join(dir, name), data);
    execFileSync('zip', ['-q', '-X', 'out.lkb', ...entries.keys()], { cwd: dir, stdio: 'pipe' });
    return new Uint8Array(fs.readFileSync(path.join(dir, 'out.lkb')));
  } catch {
    return null; // zip not installed: the other seeds still run
  }
}

const POINTS_CSV =
  'pointId;naam;adres;postcodes;openingsuren;tot\r\nBIB-GENT;De Krook;Miriam Makebaplein 1;9000-9052;ma-za;2027-06-30\r\n';

export function loadSeeds(): Seeds {
  const withPoints = makeTestPackage({ pointsCsv: POINTS_CSV });
  const entries = readZipEntries(withPoints);
  if (!entries.ok) throw new Error('seed package unreadable');
  const zips = [
    new Uint8Array(fs.readFileSync(FIXTURE_PACKAGES.gentSmall)),
    new Uint8Array(fs.readFileSync(FIXTURE_PACKAGES.gentBadSignature)),
    makeTestPackage(),
    withPoints,
    streamed(entries.value),
  ];
  const viaZip = infoZip(entries.value);
  if (viaZip) zips.push(viaZip);
  return {
    zips,
    manifest: JSON.parse(new TextDecoder().decode(entries.value.get('manifest.json'))) as Record<
      string,
      unknown
    >,
    cardsCsv: entries.value.get('cards.csv') ?? new Uint8Array(),
    pointsCsv: entries.value.get('points.csv') ?? new Uint8Array(),
  };
}

const INTERESTING = [0, 1, 2, 0x7f, 0xff, 0xffff, 0xfffe, 0x7fffffff, 0xffffffff, 0xfffffffe, 100, 1024];

/** Offsets of every local header, central header and end record in the file. */
function structures(bytes: Uint8Array): { at: number; kind: 'local' | 'central' | 'end' }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: { at: number; kind: 'local' | 'central' | 'end' }[] = [];
  for (let p = 0; p + 4 <= bytes.length; p++) {
    const sig = view.getUint32(p, true);
    if (sig === 0x04034b50) found.push({ at: p, kind: 'local' });
    else if (sig === 0x02014b50) found.push({ at: p, kind: 'central' });
    else if (sig === 0x06054b50) found.push({ at: p, kind: 'end' });
  }
  return found;
}

/** Field offsets (and widths) inside each structure that a hostile file would lie in. */
const FIELDS: Record<'local' | 'central' | 'end', readonly (readonly [number, 2 | 4])[]> = {
  local: [
    [6, 2],
    [8, 2],
    [14, 4],
    [18, 4],
    [22, 4],
    [26, 2],
    [28, 2],
  ],
  central: [
    [8, 2],
    [10, 2],
    [16, 4],
    [20, 4],
    [24, 4],
    [28, 2],
    [30, 2],
    [32, 2],
    [42, 4],
  ],
  end: [
    [4, 2],
    [8, 2],
    [10, 2],
    [12, 4],
    [16, 4],
    [20, 2],
  ],
};

function mutateZipStructure(rng: Rng, input: Uint8Array): Uint8Array {
  const bytes = input.slice();
  const view = new DataView(bytes.buffer);
  const all = structures(bytes);
  const steps = 1 + int(rng, 3);
  for (let i = 0; i < steps && all.length > 0; i++) {
    const s = pick(rng, all);
    const [off, width] = pick(rng, FIELDS[s.kind]);
    const at = s.at + off;
    if (at + width > bytes.length) continue;
    const old = width === 2 ? view.getUint16(at, true) : view.getUint32(at, true);
    const choice = int(rng, 4);
    let value =
      choice === 0
        ? pick(rng, INTERESTING)
        : choice === 1
          ? old + pick(rng, [-1, 1, -30, 30, 1000])
          : choice === 2
            ? int(rng, 2 ** 32)
            : old * pick(rng, [2, 10, 1000]);
    value = width === 2 ? value & 0xffff : value >>> 0;
    if (width === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
  }
  return bytes;
}

function mutateNames(rng: Rng, input: Uint8Array): Uint8Array {
  // Rewrites one name (same length) in place: another allowed name, or an unsafe one.
  const bytes = input.slice();
  const names = [
    'cards.csv',
    'points.csv',
    'manifest.json',
    'manifest.sig',
    '../x',
    'a/b',
    'C:x',
    '\u0000',
    '__proto__',
  ];
  const view = new DataView(bytes.buffer);
  const all = structures(bytes).filter((s) => s.kind !== 'end');
  if (all.length === 0) return bytes;
  const s = pick(rng, all);
  const nameAt = s.at + (s.kind === 'local' ? 30 : 46);
  const length = view.getUint16(s.at + (s.kind === 'local' ? 26 : 28), true);
  const replacement = enc(pick(rng, names));
  for (let i = 0; i < length && nameAt + i < bytes.length; i++)
    bytes[nameAt + i] = replacement[i % replacement.length] ?? 0x2e;
  return bytes;
}

function flipBytes(rng: Rng, input: Uint8Array): Uint8Array {
  const bytes = input.slice();
  const n = 1 + int(rng, 8);
  for (let i = 0; i < n && bytes.length > 0; i++) bytes[int(rng, bytes.length)] = int(rng, 256);
  return bytes;
}

function truncateOrAppend(rng: Rng, input: Uint8Array): Uint8Array {
  if (rng() < 0.5) return input.slice(0, int(rng, input.length + 1));
  const extra = new Uint8Array(int(rng, 200)).map(() => int(rng, 256));
  const out = new Uint8Array(input.length + extra.length);
  out.set(input);
  out.set(extra, input.length);
  return out;
}

const CSV_SNIPPETS = [
  '"',
  '""',
  ';',
  ',',
  '\r',
  '\n',
  '\r\n',
  '\u00e9',
  ' ',
  '\t',
  'ingetrokken',
  '270000000154',
  '9000',
  '\ufeff',
];

function mutateCsv(rng: Rng, input: Uint8Array): Uint8Array {
  let bytes = input.slice();
  const steps = 1 + int(rng, 6);
  for (let i = 0; i < steps; i++) {
    const at = int(rng, bytes.length + 1);
    const op = int(rng, 6);
    let insert: Uint8Array;
    if (op === 0) insert = enc(pick(rng, CSV_SNIPPETS));
    else if (op === 1) insert = new Uint8Array([pick(rng, [0x80, 0x93, 0xc3, 0xff, 0xe9, 0x00])]);
    else if (op === 2)
      insert = bytes.slice(at, at + int(rng, 200)); // duplicate a stretch (duplicate rows)
    else if (op === 3) insert = enc('x'.repeat(int(rng, 5000)));
    else insert = new Uint8Array();
    const cut = op === 4 ? int(rng, 50) : 0;
    const out = new Uint8Array(bytes.length - Math.min(cut, bytes.length - at) + insert.length);
    out.set(bytes.subarray(0, at));
    out.set(insert, at);
    out.set(bytes.subarray(at + cut), at + insert.length);
    bytes = out;
  }
  return bytes;
}

const FIELD_VALUES: unknown[] = [
  null,
  '',
  0,
  -1,
  2028,
  2027,
  1e308,
  'BIB-ELDERS',
  'BIB-GENT',
  [],
  {},
  'lerarenkaart-batch/2',
  '2026-13-45',
  '2099-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  'x'.repeat(400),
];

function mutateManifest(rng: Rng, manifest: Record<string, unknown>): Record<string, unknown> {
  const m = structuredClone(manifest);
  const keys = [
    'format',
    'batchId',
    'pointId',
    'pointName',
    'cardYear',
    'issuedAt',
    'availableFrom',
    'availableUntil',
    'files',
    'extra',
  ];
  const key = pick(rng, keys);
  if (key === 'files' && rng() < 0.7) {
    const files = (m.files ?? {}) as Record<string, { rows: unknown; sha256: unknown }>;
    const name = pick(rng, ['cards.csv', 'points.csv', 'other.csv']);
    const entry = files[name] ?? { rows: 1, sha256: 'a'.repeat(64) };
    if (rng() < 0.5) entry.rows = pick(rng, [0, 1, -1, 3, 4, 1_000_001, 2 ** 40, 'drie']);
    else entry.sha256 = pick(rng, ['a'.repeat(64), 'A'.repeat(64), '', 'zz']);
    files[name] = entry;
    m.files = files;
  } else m[key] = pick(rng, FIELD_VALUES);
  return m;
}

/** A package whose signature is valid but whose content (CSV bytes, manifest fields) is hostile. */
function signedHostile(rng: Rng, seeds: Seeds): Uint8Array {
  const cards = rng() < 0.8 ? mutateCsv(rng, seeds.cardsCsv) : seeds.cardsCsv;
  const withPoints = rng() < 0.3;
  const points = withPoints ? (rng() < 0.5 ? mutateCsv(rng, seeds.pointsCsv) : seeds.pointsCsv) : null;
  let manifest: Record<string, unknown> = {
    ...seeds.manifest,
    batchId: `FUZZ-${int(rng, 1e9)}`,
    files: {
      'cards.csv': { sha256: sha256Hex(cards), rows: 3 + (rng() < 0.2 ? pick(rng, [-1, 1, 5]) : 0) },
      ...(points ? { 'points.csv': { sha256: sha256Hex(points), rows: 1 } } : {}),
    },
  };
  if (rng() < 0.3) manifest = mutateManifest(rng, manifest);
  const manifestBytes =
    rng() < 0.05 ? enc('{"format": "lerarenkaart-batch/1", ') : enc(JSON.stringify(manifest));
  const sig = enc(
    `${Buffer.from(signEd25519(testIssuerKeys().privateKey, manifestBytes)).toString('base64')}\n`,
  );
  const entries: Record<string, Uint8Array> = {
    'manifest.json': manifestBytes,
    'manifest.sig': sig,
    'cards.csv': cards,
  };
  if (points) entries['points.csv'] = points;
  return writeZip(entries);
}

/** One mutated package. */
export function mutatedPackage(rng: Rng, seeds: Seeds): Uint8Array {
  const op = int(rng, 10);
  if (op < 4) return signedHostile(rng, seeds);
  const base = pick(rng, seeds.zips);
  if (op < 6) return mutateZipStructure(rng, base);
  if (op < 7) return mutateNames(rng, base);
  if (op < 9) return flipBytes(rng, base);
  return truncateOrAppend(rng, base);
}
