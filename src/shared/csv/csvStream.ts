import type { CsvProblem } from './csvProblem';
import { newScanner, separatorIfDecided, readRecordAt, type CsvRecord, type CsvSeparator } from './parseCsv';

/**
 * The CSV reader of parseCsv fed in pieces, so a large file never has to exist as one string.
 * Text is pushed as it is decoded; each complete record goes to `onRecord` at once. A record that
 * runs past the end of a piece is read again with the next piece, so the result is exactly what
 * parseCsv gives for the whole text. One record may not exceed MAX_RECORD_CHARS: a quote that is
 * never closed would otherwise pull the rest of a 200 MiB file into memory.
 */
export const MAX_RECORD_CHARS = 1024 * 1024;

export interface CsvStreamHandlers {
  /** The first record. */
  onHeader(record: CsvRecord, separator: CsvSeparator): void;
  /** Every record after the header, in file order. */
  onRecord(record: CsvRecord): void;
  /** Structure problems (quotes, over-long record), in file order. */
  onProblem(problem: CsvProblem): void;
}

const BOM = 0xfeff;
const LF = 10;

export class CsvStreamParser {
  private carry = '';
  private line = 1;
  private separator: CsvSeparator | null = null;
  private sawHeader = false;
  private first = true;
  private stopped = false;

  constructor(
    private readonly file: string,
    private readonly handlers: CsvStreamHandlers,
  ) {}

  /** True once the parser gave up (an over-long record); later text is ignored. */
  get isStopped(): boolean {
    return this.stopped;
  }

  push(text: string): void {
    if (this.stopped || text.length === 0) return;
    let chunk = this.carry + text;
    if (this.first) {
      if (chunk.charCodeAt(0) === BOM) chunk = chunk.slice(1);
      this.first = false;
    }
    this.carry = this.consume(chunk, false);
    if (this.carry.length > MAX_RECORD_CHARS) this.stopTooLong();
  }

  end(): void {
    if (this.stopped) return;
    const rest = this.carry;
    this.carry = '';
    if (rest.length > 0) this.consume(rest, true);
  }

  private stopTooLong(): void {
    this.stopped = true;
    this.carry = '';
    this.handlers.onProblem({
      code: 'csv_record_too_long',
      severity: 'error',
      file: this.file,
      line: this.line,
      expected: String(MAX_RECORD_CHARS),
    });
  }

  /** Reads the complete records of text; returns the unread rest (an incomplete record). */
  private consume(text: string, final: boolean): string {
    if (this.separator === null) {
      // The header line decides the separator: wait until it is complete.
      const decided = separatorIfDecided(text, 0);
      if (decided === null && !final) return text;
      this.separator = decided ?? ';';
    }
    const pending: CsvProblem[] = [];
    const scan = newScanner(text, this.separator, this.file, this.line, pending);
    for (;;) {
      if (scan.pos >= scan.n) break;
      const startPos = scan.pos;
      const startLine = scan.line;
      pending.length = 0;
      const record = readRecordAt(scan);
      // A quote still open at the end of this piece may close in the next one.
      const openQuote = pending.some((p) => p.code === 'csv_unterminated_quote');
      if (!final && (openQuote || !endsComplete(text, scan.pos))) {
        // Ran into the end of this piece: read it again with the next one.
        scan.line = startLine;
        this.line = startLine;
        return text.slice(startPos);
      }
      for (const p of pending) this.handlers.onProblem(p);
      this.line = scan.line;
      if (record === null) continue;
      if (!this.sawHeader) {
        this.sawHeader = true;
        this.handlers.onHeader(record, this.separator);
      } else this.handlers.onRecord(record);
    }
    this.line = scan.line;
    return '';
  }
}

/** A record is complete when more text follows it, or it ended on LF (a CR may lose its LF). */
function endsComplete(text: string, pos: number): boolean {
  return pos < text.length || (pos > 0 && text.charCodeAt(pos - 1) === LF);
}
