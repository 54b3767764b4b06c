import { Inflate } from 'fflate';
import type { ImportProblem, ImportProblemCode, ZipDamage } from '../../../shared/batch/importProblem';
import { KNOWN_ENTRIES } from '../../../shared/batch/manifest';
import { assertNever, fail, ok, type Failure, type Result } from '../../../shared/result';
import { SourceReadFailure, toZipSource, type ZipInput, type ZipSource } from './zipSource';

/**
 * A ZIP reader that trusts nothing in the file. The central directory is parsed by hand and every
 * entry is checked against the file before a single byte is inflated: the local header must lie
 * inside the file and agree with the directory (name, method, sizes), the compressed data must
 * fit between its header and the directory, and no two entries may share bytes (a 204 KB file
 * whose four names point at one stream is refused here). Inflating is streamed with a hard output
 * cap at the declared size, so an entry that inflates to more, or to less, than it says is refused
 * without ever holding more than one chunk. The file itself is read through a ZipSource, a chunk
 * at a time: a package on disk is never held whole.
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
const INFLATE_INPUT_CHUNK = 4 * 1024;
/** Bytes of a stored entry read (and handed on) at once: about what the inflater hands on. */
const STORED_CHUNK = 64 * 1024;
/**
 * Bytes of an entry name kept from the directory. Longer names are never allowed ones (they are
 * refused as unknown), and 1,000 names of 64 KiB each would otherwise be held at once.
 */
const MAX_NAME_BYTES = 1024;

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
  /** The name's bytes, at most MAX_NAME_BYTES of them. */
  nameBytes: Uint8Array;
  nameLength: number;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

type Directory = { ok: true; entries: RawEntry[]; cdOffset: number } | { ok: false; problem: ImportProblem };

function unreadable(detail?: ZipDamage): Directory {
  return { ok: false, problem: problem('zip_unreadable', 'package', detail ? { zipDamage: detail } : {}) };
}

/** A copy that outlives the next read (a Buffer's own slice() would still be a view). */
function copied(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
}

/** The end-of-central-directory record: exactly one, at the very end (after its comment). */
function findEnd(source: ZipSource): { offset: number; record: Uint8Array } | null {
  const n = source.size;
  const tailLength = Math.min(n, END_BYTES + 0xffff);
  const tailStart = n - tailLength;
  const tail = source.read(tailStart, tailLength);
  for (let p = tailLength - END_BYTES; p >= 0; p--) {
    if (u32(tail, p) === SIG_END && p + END_BYTES + u16(tail, p + 20) === tailLength)
      return { offset: tailStart + p, record: copied(tail.subarray(p, p + END_BYTES)) };
  }
  return null;
}

function readDirectory(source: ZipSource): Directory {
  if (source.size < END_BYTES) return unreadable();
  const found = findEnd(source);
  if (found === null) return unreadable();
  const { offset: end, record } = found;
  const disk = u16(record, 4);
  const cdDisk = u16(record, 6);
  const onDisk = u16(record, 8);
  const count = u16(record, 10);
  const cdSize = u32(record, 12);
  const cdOffset = u32(record, 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return unreadable('zip64');
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) return unreadable('multi_disk');
  // The directory must end exactly where the end record starts: nothing hides in between.
  if (cdOffset + cdSize !== end) return unreadable('directory');
  if (count > MAX_ENTRIES) return unreadable('too_many_entries');

  const entries: RawEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + CENTRAL_BYTES > end) return unreadable('directory');
    // Copied: a source may reuse the bytes it returned for the next read.
    const head = copied(source.read(p, CENTRAL_BYTES));
    if (u32(head, 0) !== SIG_CENTRAL) return unreadable('directory');
    const nameLength = u16(head, 28);
    const extraLength = u16(head, 30);
    const commentLength = u16(head, 32);
    const next = p + CENTRAL_BYTES + nameLength + extraLength + commentLength;
    if (next > end) return unreadable('directory');
    const nameBytes = copied(source.read(p + CENTRAL_BYTES, Math.min(nameLength, MAX_NAME_BYTES)));
    entries.push({
      name: nameDecoder.decode(nameBytes),
      nameBytes,
      nameLength,
      flags: u16(head, 8),
      method: u16(head, 10),
      crc: u32(head, 16),
      compressedSize: u32(head, 20),
      size: u32(head, 24),
      localOffset: u32(head, 42),
    });
    p = next;
  }
  if (p !== end) return unreadable('directory');
  return { ok: true, entries, cdOffset };
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
function locate(source: ZipSource, raw: RawEntry, cdOffset: number): Located | ImportProblem {
  const at = raw.localOffset;
  if (raw.compressedSize === 0xffffffff || raw.size === 0xffffffff) return damaged(raw.name, 'zip64');
  if (at + LOCAL_BYTES > cdOffset) return damaged(raw.name, 'local_header');
  const head = copied(source.read(at, LOCAL_BYTES));
  if (u32(head, 0) !== SIG_LOCAL) return damaged(raw.name, 'local_header');
  const flags = u16(head, 6);
  const method = u16(head, 8);
  const nameLength = u16(head, 26);
  const extraLength = u16(head, 28);
  const dataOffset = at + LOCAL_BYTES + nameLength + extraLength;
  if (dataOffset > cdOffset) return damaged(raw.name, 'local_header');
  if (
    nameLength !== raw.nameLength ||
    nameLength > raw.nameBytes.length ||
    !sameBytes(source.read(at + LOCAL_BYTES, nameLength), raw.nameBytes)
  )
    return damaged(raw.name, 'header_mismatch');
  if (method !== raw.method || (flags & FLAG_DESCRIPTOR) !== (raw.flags & FLAG_DESCRIPTOR))
    return damaged(raw.name, 'header_mismatch');
  const dataEnd = dataOffset + raw.compressedSize;
  if (dataEnd > cdOffset) return damaged(raw.name, 'outside_file');
  let spanEnd = dataEnd;
  if (flags & FLAG_DESCRIPTOR) {
    // Streamed writers put crc and sizes after the data (optionally behind a signature).
    const after = source.read(dataEnd, Math.min(16, cdOffset - dataEnd));
    const signed = after.length >= 4 && u32(after, 0) === SIG_DESCRIPTOR;
    const d = signed ? 4 : 0;
    if (d + 12 > after.length) return damaged(raw.name, 'descriptor');
    if (
      u32(after, d) !== raw.crc ||
      u32(after, d + 4) !== raw.compressedSize ||
      u32(after, d + 8) !== raw.size
    )
      return damaged(raw.name, 'descriptor');
    spanEnd = dataEnd + d + 12;
  } else if (
    u32(head, 14) !== raw.crc ||
    u32(head, 18) !== raw.compressedSize ||
    u32(head, 22) !== raw.size
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
  // A name cut at MAX_NAME_BYTES is longer than any allowed one.
  if (raw.nameLength > raw.nameBytes.length || !limits.allowedNames.includes(name))
    return problem('zip_entry_unknown', file, { value: file });
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
  input: ZipInput,
  limits?: Partial<ZipLimits>,
): Result<Map<string, ZipEntry>, ZipFailure> {
  try {
    return openChecked(toZipSource(input), withDefaults(limits));
  } catch (error) {
    if (!(error instanceof SourceReadFailure)) throw error;
    return fail('invalid_zip', {
      problems: [problem('zip_unreadable', 'package', { zipDamage: readDamage(error) })],
    });
  }
}

/** Why a source could not give the bytes the directory promised. */
export function readDamage(error: SourceReadFailure): ZipDamage {
  switch (error.kind) {
    case 'truncated':
      return 'truncated';
    case 'io':
      return 'read_failed';
    default:
      return assertNever(error.kind);
  }
}

function openChecked(source: ZipSource, effective: ZipLimits): Result<Map<string, ZipEntry>, ZipFailure> {
  const directory = readDirectory(source);
  if (!directory.ok) return fail('invalid_zip', { problems: [directory.problem] });
  const cdOffset = directory.cdOffset;

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
    const place = locate(source, raw, cdOffset);
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
  input: ZipInput,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array) => void,
): InflateOutcome {
  const source = toZipSource(input);
  try {
    return entry.method === STORED
      ? copyStored(source, entry, onChunk)
      : inflateDeflated(source, entry, onChunk);
  } catch (error) {
    if (!(error instanceof SourceReadFailure)) throw error;
    return { ok: false, problem: damaged(entry.name, readDamage(error)) };
  }
}

function copyStored(
  source: ZipSource,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array) => void,
): InflateOutcome {
  for (let p = 0; p < entry.compressedSize; p += STORED_CHUNK)
    onChunk(source.read(entry.dataOffset + p, Math.min(STORED_CHUNK, entry.compressedSize - p)));
  return { ok: true };
}

function inflateDeflated(
  source: ZipSource,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array) => void,
): InflateOutcome {
  const length = entry.compressedSize;
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
    for (let p = 0; p < length || p === 0; p += INFLATE_INPUT_CHUNK) {
      const end = Math.min(p + INFLATE_INPUT_CHUNK, length);
      inflater.push(source.read(entry.dataOffset + p, end - p), end >= length);
      if (end >= length) break;
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
export function inflateWhole(input: ZipInput, entry: ZipEntry): Result<Uint8Array, ZipFailure> {
  const out = new Uint8Array(entry.size);
  let at = 0;
  const outcome = inflateEntry(input, entry, (chunk) => {
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
  input: ZipInput,
  limits?: Partial<ZipLimits>,
): Result<Map<string, Uint8Array>, ZipFailure> {
  const source = toZipSource(input);
  const opened = openZip(source, limits);
  if (!opened.ok) return opened;
  const entries = new Map<string, Uint8Array>();
  const problems: ImportProblem[] = [];
  for (const [name, entry] of opened.value) {
    const data = inflateWhole(source, entry);
    if (data.ok) entries.set(name, data.value);
    else problems.push(...data.problems);
  }
  if (problems.length > 0) return fail('invalid_zip', { problems });
  return ok(entries);
}
