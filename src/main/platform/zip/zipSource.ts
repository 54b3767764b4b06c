import { createHash } from 'node:crypto';
import fs from 'node:fs';

/**
 * Random access to a package's bytes, so the ZIP reader never needs the whole file: the CLI reads
 * a 200 MiB package from disk one chunk at a time, the web and IPC paths (which receive bytes)
 * read from memory through the same interface.
 */
export interface ZipSource {
  /** Length of the file in bytes, as it was when the source was opened. */
  readonly size: number;
  /**
   * Exactly `length` bytes from `offset`. The result may be a view that the next read reuses or
   * shares: copy what must outlive the caller's step. Throws SourceReadFailure when the file
   * ends early (it shrank after it was opened) or cannot be read.
   */
  read(offset: number, length: number): Uint8Array;
}

/** What the ZIP reader accepts: a source, or bytes already in memory. */
export type ZipInput = ZipSource | Uint8Array;

export class SourceReadFailure extends Error {
  constructor(
    readonly kind: 'truncated' | 'io',
    message: string,
  ) {
    super(message);
  }
}

export function bytesSource(bytes: Uint8Array): ZipSource {
  return {
    size: bytes.length,
    read(offset, length) {
      if (offset < 0 || length < 0 || offset + length > bytes.length)
        throw new SourceReadFailure('truncated', `read ${length} at ${offset} beyond ${bytes.length}`);
      return bytes.subarray(offset, offset + length);
    },
  };
}

export function toZipSource(input: ZipInput): ZipSource {
  return input instanceof Uint8Array ? bytesSource(input) : input;
}

const SCRATCH_BYTES = 1024 * 1024;

/** A source over an open file descriptor: positioned reads, nothing cached, size from fstat. */
export function fileSource(fd: number): ZipSource {
  const size = fs.fstatSync(fd).size;
  // Reads up to this size share one buffer (the interface allows it): 200 MiB read in chunks
  // then costs no garbage beyond the chunk itself.
  const scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
  return {
    size,
    read(offset, length) {
      const out = length <= SCRATCH_BYTES ? scratch.subarray(0, length) : Buffer.allocUnsafe(length);
      let filled = 0;
      while (filled < length) {
        let n: number;
        try {
          n = fs.readSync(fd, out, filled, length - filled, offset + filled);
        } catch (error) {
          throw new SourceReadFailure('io', (error as Error).message);
        }
        // End of file before the bytes the directory promised: the file was cut after opening.
        if (n === 0) throw new SourceReadFailure('truncated', `file ends at ${offset + filled}`);
        filled += n;
      }
      return out;
    },
  };
}

/**
 * Opens `path` read-only as a source; the caller closes it. Throws the file system's error when
 * the file cannot be opened or is not a regular file (a folder, a device).
 */
export function openFileSource(path: string): ZipSource & { close(): void } {
  const fd = fs.openSync(path, 'r');
  try {
    if (!fs.fstatSync(fd).isFile()) throw new Error(`EISDIR: not a regular file, read '${path}'`);
    return { ...fileSource(fd), close: () => fs.closeSync(fd) };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

/** SHA-256 of the whole source, read in 1 MiB chunks. */
export function sha256OfSource(source: ZipSource): string {
  const hash = createHash('sha256');
  for (let p = 0; p < source.size; p += SOURCE_HASH_CHUNK)
    hash.update(source.read(p, Math.min(SOURCE_HASH_CHUNK, source.size - p)));
  return hash.digest('hex');
}

const SOURCE_HASH_CHUNK = 1024 * 1024;
