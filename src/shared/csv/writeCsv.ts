/**
 * CSV text that parseCsv (and spreadsheet software) reads back to exactly the same fields.
 * Defaults suit Excel in Belgium: `;` and CRLF.
 */
export interface WriteCsvOptions {
  separator?: ';' | ',';
  lineEnd?: '\r\n' | '\n';
  /** Start with a UTF-8 byte order mark so Excel recognises UTF-8. */
  bom?: boolean;
}

export function writeCsv(header: string[], rows: string[][], options: WriteCsvOptions = {}): string {
  const separator = options.separator ?? ';';
  const lineEnd = options.lineEnd ?? '\r\n';
  const lines = [header, ...rows].map((row) => writeRow(row, separator));
  return (options.bom ? '\uFEFF' : '') + lines.join(lineEnd) + lineEnd;
}

function writeRow(row: string[], separator: string): string {
  // A lone empty field would be an empty line, which readers skip: quote it to keep the record.
  if (row.length === 1 && row[0] === '') return '""';
  return row.map(quoteIfNeeded).join(separator);
}

const BLANK = /^[ \t]|[ \t]$/;

function quoteIfNeeded(field: string): string {
  const needsQuotes =
    // Both separators: the reader takes the separator from the first one it meets in the header.
    field.includes(';') ||
    field.includes(',') ||
    field.includes('"') ||
    field.includes('\n') ||
    field.includes('\r') ||
    BLANK.test(field) || // unquoted blanks would be trimmed on reading
    field.startsWith('\uFEFF'); // would be taken for a byte order mark at the start of the file
  return needsQuotes ? `"${field.replaceAll('"', '""')}"` : field;
}
