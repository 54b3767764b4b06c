import { unzipSync, type UnzipFileInfo } from 'fflate';
import type { ImportProblem, ImportProblemCode } from '../../shared/batch/importProblem';
import { KNOWN_ENTRIES } from '../../shared/batch/manifest';
import { fail, ok, type Failure, type Result } from '../../shared/result';

export interface ZipLimits {
  /** Entry names allowed at the root of the archive; anything else is refused. */
  allowedNames: readonly string[];
  /** Largest uncompressed size of one entry, in bytes. */
  maxEntryBytes: number;
  /** Largest uncompressed/compressed ratio of one entry (zip bombs). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  allowedNames: KNOWN_ENTRIES,
  maxEntryBytes: 200 * 1024 * 1024,
  maxRatio: 100,
};

export type ZipFailure = Failure<'invalid_zip', { problems: ImportProblem[] }>;

/** A real package has four entries; this caps the work a crafted central directory can cause. */
const MAX_ENTRIES = 1000;
/** Enough to explain what is wrong without flooding the screen. */
const MAX_PROBLEMS = 50;

const STORED = 0;
const DEFLATE = 8;

class TooManyEntries extends Error {}

function problem(code: ImportProblemCode, file: string, extra: Partial<ImportProblem> = {}): ImportProblem {
  return { code, severity: 'error', file, ...extra };
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
function shownName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 117)}...` : clean;
}

/** Reads the central directory only: the filter refuses every entry, so nothing is inflated. */
function listEntries(bytes: Uint8Array): UnzipFileInfo[] | null {
  const infos: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter(info) {
        infos.push(info);
        // A corrupt or hostile directory can claim billions of entries; stop early.
        if (infos.length > MAX_ENTRIES) throw new TooManyEntries();
        return false;
      },
    });
  } catch {
    return null;
  }
  return infos;
}

function checkEntry(info: UnzipFileInfo, limits: ZipLimits): ImportProblem | null {
  const name = info.name;
  const file = shownName(name);
  if (isUnsafeName(name)) return problem('zip_entry_path', file, { value: file });
  if (!limits.allowedNames.includes(name)) return problem('zip_entry_unknown', file, { value: file });
  if (info.compression !== STORED && info.compression !== DEFLATE) {
    return problem('zip_unreadable', file, { value: `compression ${info.compression}` });
  }
  if (
    !Number.isFinite(info.originalSize) ||
    !Number.isFinite(info.size) ||
    info.originalSize < 0 ||
    info.size < 0
  ) {
    return problem('zip_unreadable', file);
  }
  if (info.originalSize > limits.maxEntryBytes) {
    return problem('zip_entry_too_large', file, {
      value: String(info.originalSize),
      expected: String(limits.maxEntryBytes),
    });
  }
  // Compressed size 0 with content would be an infinite ratio; an empty entry has ratio 0.
  const ratio = info.originalSize === 0 ? 0 : info.size === 0 ? Infinity : info.originalSize / info.size;
  if (ratio > limits.maxRatio) {
    return problem('zip_ratio', file, {
      value: Number.isFinite(ratio) ? String(Math.round(ratio)) : 'oneindig',
      expected: String(limits.maxRatio),
    });
  }
  // A stored entry is copied as is, so its two sizes must agree.
  if (info.compression === STORED && info.size !== info.originalSize) return problem('zip_unreadable', file);
  return null;
}

/**
 * Opens a batch package ZIP without trusting it: every entry's name and sizes are checked in the
 * central directory before anything is inflated, so a zip bomb or a path-traversal entry is
 * refused at the cost of reading a few hundred bytes. Never throws for bad input.
 */
export function readZipEntries(
  bytes: Uint8Array,
  limits?: Partial<ZipLimits>,
): Result<Map<string, Uint8Array>, ZipFailure> {
  // An explicit `undefined` in limits keeps the default instead of switching the check off.
  const effective: ZipLimits = {
    allowedNames: limits?.allowedNames ?? DEFAULT_ZIP_LIMITS.allowedNames,
    maxEntryBytes: limits?.maxEntryBytes ?? DEFAULT_ZIP_LIMITS.maxEntryBytes,
    maxRatio: limits?.maxRatio ?? DEFAULT_ZIP_LIMITS.maxRatio,
  };
  const infos = listEntries(bytes);
  if (infos === null) return fail('invalid_zip', { problems: [problem('zip_unreadable', 'package')] });

  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const duplicatesReported = new Set<string>();
  for (const info of infos) {
    if (seen.has(info.name)) {
      // Two entries with one name: which one a tool shows is ambiguous, so neither is trusted.
      if (!duplicatesReported.has(info.name)) {
        duplicatesReported.add(info.name);
        problems.push(problem('zip_entry_duplicate', shownName(info.name), { value: shownName(info.name) }));
      }
      continue;
    }
    seen.add(info.name);
    const found = checkEntry(info, effective);
    if (found) problems.push(found);
  }
  if (problems.length > 0) return fail('invalid_zip', { problems: problems.slice(0, MAX_PROBLEMS) });

  // Every entry passed: inflate them. Output buffers are sized from the (checked) declared sizes.
  let inflated: Record<string, Uint8Array>;
  try {
    inflated = unzipSync(bytes, { filter: (info) => seen.has(info.name) });
  } catch {
    return fail('invalid_zip', { problems: [problem('zip_unreadable', 'package')] });
  }

  const entries = new Map<string, Uint8Array>();
  for (const info of infos) {
    const data = Object.hasOwn(inflated, info.name) ? inflated[info.name] : undefined;
    // fflate never writes past the declared size, so a header that lies shows up as a short entry;
    // one that claims too little is cut off and then fails its sha256 or the signature.
    if (data === undefined || data.length !== info.originalSize) {
      problems.push(
        problem('zip_unreadable', shownName(info.name), {
          value: String(data?.length ?? 0),
          expected: String(info.originalSize),
        }),
      );
      continue;
    }
    entries.set(info.name, data);
  }
  if (problems.length > 0) return fail('invalid_zip', { problems });
  return ok(entries);
}
