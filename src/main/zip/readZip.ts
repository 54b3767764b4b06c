import { Inflate } from 'fflate';
import type { ImportProblem, ImportProblemCode, ZipDamage } from '../../shared/batch/importProblem';
import { KNOWN_ENTRIES } from '../../shared/batch/manifest';
import { fail, ok, type Failure, type Result } from '../../shared/result';

/**
 * A ZIP reader that trusts nothing in the file. The central directory is parsed by hand and every
 * entry is checked against the file before a single byte is inflated: the local header must lie
 * inside the file and agree with the directory (name, method, sizes), the compressed data must
 * fit between its header and the directory, and no two entries may share bytes (a 204 KB file
 * whose four names point at one stream is refused here). Inflating is streamed with a hard output
 * cap at the declared size, so an entry that inflates to more, or to less, than it says is refused
 * without ever holding more than one chunk.
 */
export interface ZipLimits {
  /** Entry names allowed at the root of the archive; anything else is refused. */
  allowedNames: readonly string[];
  /** Largest uncompressed size of one entry, in bytes. */
  maxEntryBytes: number;
  /** Largest uncompressed/compressed ratio of one entry (zip bombs). */
  maxRatio: number;
  /** Smaller caps for some entries by name (manifest.json, manifest.sig, points.csv). */
  maxBytesByName?: Readonly<Record<string, number>>;
  /** Sum of the uncompressed sizes of all entries. */
  maxTotalBytes?: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  allowedNames: KNOWN_ENTRIES,
  maxEntryBytes: 200 * 1024 * 1024,
  maxRatio: 100,
};

/** One checked entry: where its compressed bytes are and what they must inflate to. */
export interface ZipEntry {
  name: string;
  method: 0 | 8;
  compressedSize: number;
  size: number;
  /** Offset of the first compressed byte in the file. */
  dataOffset: number;
}

export type ZipFailure = Failure<'invalid_zip', { problems: ImportProblem[] }>;

/** A real package has four entries; this caps the work a crafted central directory can cause. */
const MAX_ENTRIES = 1000;
/** Enough to explain what is wrong without flooding the screen. */
const MAX_PROBLEMS = 50;
/** Compressed bytes handed to the inflater at once: at most ~1032× this comes out per step. */
const INFLATE_INPUT_CHUNK = 16 * 1024;

const STORED = 0;
const DEFLATE = 8;
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_DESCRIPTOR = 0x08074b50;
const END_BYTES = 22;
const CENTRAL_BYTES = 46;
const LOCAL_BYTES = 30;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;

function problem(code: ImportProblemCode, file: string, extra: Partial<ImportProblem> = {}): ImportProblem {
  return { code, severity: 'error', file, ...extra };
}

function damaged(name: string, zipDamage: ZipDamage): ImportProblem {
  return problem('zip_entry_damaged', shownName(name), { zipDamage });
}

/** Folder parts, `..`, absolute paths and drive letters could escape wherever entries end up. */
function isUnsafeName(name: string): boolean {
  return (
    name.length === 0 ||
    name.includes('/') ||
    name.includes('\\') ||
    name === '.' ||
    name.includes('..') ||
    /^[A-Za-z]:/.test(name) ||
    // Control characters (NUL, newlines) have no business in an entry name and confuse messages.
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/.test(name)
  );
}

/** Printable form of an untrusted name for messages: bounded length, no control characters. */
export function shownName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 117)}...` : clean;
}

const nameDecoder = new TextDecoder('utf-8');

interface RawEntry {
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

type Directory = { ok: true; entries: RawEntry[] } | { ok: false; problem: ImportProblem };

function unreadable(detail?: ZipDamage): Directory {
  return { ok: false, problem: problem('zip_unreadable', 'package', detail ? { zipDamage: detail } : {}) };
}

/** The end-of-central-directory record: exactly one, at the very end (after its comment). */
function findEnd(view: DataView): number {
  const n = view.byteLength;
  for (let p = n - END_BYTES; p >= 0 && p >= n - END_BYTES - 0xffff; p--) {
    if (view.getUint32(p, true) === SIG_END && p + END_BYTES + view.getUint16(p + 20, true) === n) return p;
  }
  return -1;
}

function readDirectory(bytes: Uint8Array): Directory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < END_BYTES) return unreadable();
  const end = findEnd(view);
  if (end < 0) return unreadable();
  const disk = view.getUint16(end + 4, true);
  const cdDisk = view.getUint16(end + 6, true);
  const onDisk = view.getUint16(end + 8, true);
  const count = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return unreadable('zip64');
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) return unreadable('multi_disk');
  // The directory must end exactly where the end record starts: nothing hides in between.
  if (cdOffset + cdSize !== end) return unreadable('directory');
  if (count > MAX_ENTRIES) return unreadable('too_many_entries');

  const entries: RawEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + CENTRAL_BYTES > end || view.getUint32(p, true) !== SIG_CENTRAL) return unreadable('directory');
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const next = p + CENTRAL_BYTES + nameLength + extraLength + commentLength;
    if (next > end) return unreadable('directory');
    const nameBytes = bytes.subarray(p + CENTRAL_BYTES, p + CENTRAL_BYTES + nameLength);
    entries.push({
      name: nameDecoder.decode(nameBytes),
      nameBytes,
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    });
    p = next;
  }
  if (p !== end) return unreadable('directory');
  return { ok: true, entries };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface Located {
  entry: ZipEntry;
  headerOffset: number;
  /** First byte after the entry (data and data descriptor). */
  spanEnd: number;
}

/** The local header and data of one entry, checked against the directory and the file. */
function locate(bytes: Uint8Array, raw: RawEntry, cdOffset: number): Located | ImportProblem {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = raw.localOffset;
  if (raw.compressedSize === 0xffffffff || raw.size === 0xffffffff) return damaged(raw.name, 'zip64');
  if (at + LOCAL_BYTES > cdOffset || view.getUint32(at, true) !== SIG_LOCAL)
    return damaged(raw.name, 'local_header');
  const flags = view.getUint16(at + 6, true);
  const method = view.getUint16(at + 8, true);
  const nameLength = view.getUint16(at + 26, true);
  const extraLength = view.getUint16(at + 28, true);
  const dataOffset = at + LOCAL_BYTES + nameLength + extraLength;
  if (dataOffset > cdOffset) return damaged(raw.name, 'local_header');
  if (!sameBytes(bytes.subarray(at + LOCAL_BYTES, at + LOCAL_BYTES + nameLength), raw.nameBytes))
    return damaged(raw.name, 'header_mismatch');
  if (method !== raw.method || (flags & FLAG_DESCRIPTOR) !== (raw.flags & FLAG_DESCRIPTOR))
    return damaged(raw.name, 'header_mismatch');
  const dataEnd = dataOffset + raw.compressedSize;
  if (dataEnd > cdOffset) return damaged(raw.name, 'outside_file');
  let spanEnd = dataEnd;
  if (flags & FLAG_DESCRIPTOR) {
    // Streamed writers put crc and sizes after the data (optionally behind a signature).
    const signed = dataEnd + 4 <= cdOffset && view.getUint32(dataEnd, true) === SIG_DESCRIPTOR;
    const d = signed ? dataEnd + 4 : dataEnd;
    if (d + 12 > cdOffset) return damaged(raw.name, 'descriptor');
    if (
      view.getUint32(d, true) !== raw.crc ||
      view.getUint32(d + 4, true) !== raw.compressedSize ||
      view.getUint32(d + 8, true) !== raw.size
    )
      return damaged(raw.name, 'descriptor');
    spanEnd = d + 12;
  } else if (
    view.getUint32(at + 14, true) !== raw.crc ||
    view.getUint32(at + 18, true) !== raw.compressedSize ||
    view.getUint32(at + 22, true) !== raw.size
  ) {
    return damaged(raw.name, 'header_mismatch');
  }
  const entryMethod = method === STORED ? STORED : DEFLATE;
  return {
    entry: {
      name: raw.name,
      method: entryMethod,
      compressedSize: raw.compressedSize,
      size: raw.size,
      dataOffset,
    },
    headerOffset: at,
    spanEnd,
  };
}

function checkDeclared(raw: RawEntry, limits: ZipLimits): ImportProblem | null {
  const name = raw.name;
  const file = shownName(name);
  if (isUnsafeName(name)) return problem('zip_entry_path', file, { value: file });
  if (!limits.allowedNames.includes(name)) return problem('zip_entry_unknown', file, { value: file });
  if (raw.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) return damaged(name, 'encrypted');
  if (raw.method !== STORED && raw.method !== DEFLATE) return damaged(name, 'method');
  const cap = Math.min(limits.maxEntryBytes, limits.maxBytesByName?.[name] ?? Infinity);
  if (raw.size > cap) {
    return problem('zip_entry_too_large', file, { value: String(raw.size), expected: String(cap) });
  }
  // Compressed size 0 with content would be an infinite ratio; an empty entry has ratio 0.
  const ratio = raw.size === 0 ? 0 : raw.compressedSize === 0 ? Infinity : raw.size / raw.compressedSize;
  if (ratio > limits.maxRatio) {
    return problem('zip_ratio', file, {
      value: Number.isFinite(ratio) ? String(Math.round(ratio)) : 'oneindig',
      expected: String(limits.maxRatio),
    });
  }
  // A stored entry is copied as is, so its two sizes must agree.
  if (raw.method === STORED && raw.compressedSize !== raw.size) return damaged(name, 'size_mismatch');
  return null;
}

function withDefaults(limits?: Partial<ZipLimits>): ZipLimits {
  // An explicit `undefined` in limits keeps the default instead of switching the check off.
  return {
    allowedNames: limits?.allowedNames ?? DEFAULT_ZIP_LIMITS.allowedNames,
    maxEntryBytes: limits?.maxEntryBytes ?? DEFAULT_ZIP_LIMITS.maxEntryBytes,
    maxRatio: limits?.maxRatio ?? DEFAULT_ZIP_LIMITS.maxRatio,
    ...(limits?.maxBytesByName ? { maxBytesByName: limits.maxBytesByName } : {}),
    ...(limits?.maxTotalBytes !== undefined ? { maxTotalBytes: limits.maxTotalBytes } : {}),
  };
}

/**
 * Opens a package ZIP without inflating anything: every entry's name, method, sizes, local
 * header and place in the file are checked. Never throws for bad input.
 */
export function openZip(
  bytes: Uint8Array,
  limits?: Partial<ZipLimits>,
): Result<Map<string, ZipEntry>, ZipFailure> {
  const effective = withDefaults(limits);
  const directory = readDirectory(bytes);
  if (!directory.ok) return fail('invalid_zip', { problems: [directory.problem] });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cdOffset = view.getUint32(findEnd(view) + 16, true);

  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const duplicatesReported = new Set<string>();
  const located: Located[] = [];
  let total = 0;
  for (const raw of directory.entries) {
    if (seen.has(raw.name)) {
      // Two entries with one name: which one a tool shows is ambiguous, so neither is trusted.
      if (!duplicatesReported.has(raw.name)) {
        duplicatesReported.add(raw.name);
        problems.push(problem('zip_entry_duplicate', shownName(raw.name), { value: shownName(raw.name) }));
      }
      continue;
    }
    seen.add(raw.name);
    const found = checkDeclared(raw, effective) ?? null;
    if (found) {
      problems.push(found);
      continue;
    }
    const place = locate(bytes, raw, cdOffset);
    if ('code' in place) problems.push(place);
    else {
      located.push(place);
      total += raw.size;
    }
  }
  // No two entries may share bytes: sorted by offset, each starts after the previous one ends.
  located.sort((a, b) => a.headerOffset - b.headerOffset);
  let previousEnd = 0;
  for (const place of located) {
    if (place.headerOffset < previousEnd) problems.push(damaged(place.entry.name, 'overlap'));
    previousEnd = Math.max(previousEnd, place.spanEnd);
  }
  if (effective.maxTotalBytes !== undefined && total > effective.maxTotalBytes) {
    problems.push(
      problem('zip_total_too_large', 'package', {
        value: String(total),
        expected: String(effective.maxTotalBytes),
      }),
    );
  }
  if (problems.length > 0) return fail('invalid_zip', { problems: problems.slice(0, MAX_PROBLEMS) });
  // In directory order, as the archive lists them.
  const byName = new Map(located.map((l) => [l.entry.name, l.entry]));
  const entries = new Map<string, ZipEntry>();
  for (const name of seen) {
    const entry = byName.get(name);
    if (entry) entries.set(name, entry);
  }
  return ok(entries);
}

export type InflateOutcome = { ok: true } | { ok: false; problem: ImportProblem };

/**
 * Inflates one checked entry chunk by chunk into `onChunk`, never producing more than its
 * declared size: output beyond it stops the inflater at once, output short of it is refused at
 * the end. `onChunk` may throw to stop early; that error propagates.
 */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array) => void,
): InflateOutcome {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === STORED) {
    for (let p = 0; p < data.length; p += 1024 * 1024) onChunk(data.subarray(p, p + 1024 * 1024));
    return { ok: true };
  }
  let produced = 0;
  let tooLong = false;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > entry.size) {
      tooLong = true;
      throw new StopInflating();
    }
    if (chunk.length > 0) onChunk(chunk);
  });
  try {
    for (let p = 0; p < data.length || p === 0; p += INFLATE_INPUT_CHUNK) {
      const end = Math.min(p + INFLATE_INPUT_CHUNK, data.length);
      inflater.push(data.subarray(p, end), end >= data.length);
      if (end >= data.length) break;
    }
  } catch (error) {
    if (tooLong) return { ok: false, problem: damaged(entry.name, 'too_long') };
    if (error instanceof StopInflating || !(error instanceof Error) || !isInflateError(error)) throw error;
    return { ok: false, problem: damaged(entry.name, 'inflate') };
  }
  if (produced !== entry.size) return { ok: false, problem: damaged(entry.name, 'too_short') };
  return { ok: true };
}

class StopInflating extends Error {}

/** fflate's own errors carry a numeric `code`; anything else came from onChunk. */
function isInflateError(error: Error): boolean {
  return typeof (error as { code?: unknown }).code === 'number';
}

/** A small entry (manifest, signature, points.csv) in one buffer, inflated with the same caps. */
export function inflateWhole(bytes: Uint8Array, entry: ZipEntry): Result<Uint8Array, ZipFailure> {
  const out = new Uint8Array(entry.size);
  let at = 0;
  const outcome = inflateEntry(bytes, entry, (chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  if (!outcome.ok) return fail('invalid_zip', { problems: [outcome.problem] });
  return ok(out);
}

/**
 * Opens a ZIP and inflates every entry (tools and tests with small archives). The import itself
 * uses openZip + inflateEntry, so it can verify the signature before any data entry is touched.
 */
export function readZipEntries(
  bytes: Uint8Array,
  limits?: Partial<ZipLimits>,
): Result<Map<string, Uint8Array>, ZipFailure> {
  const opened = openZip(bytes, limits);
  if (!opened.ok) return opened;
  const entries = new Map<string, Uint8Array>();
  const problems: ImportProblem[] = [];
  for (const [name, entry] of opened.value) {
    const data = inflateWhole(bytes, entry);
    if (data.ok) entries.set(name, data.value);
    else problems.push(...data.problems);
  }
  if (problems.length > 0) return fail('invalid_zip', { problems });
  return ok(entries);
}
