/**
 * Bytes of a CSV file to text. Spreadsheet software on Windows still writes Windows-1252, so a
 * file that is not valid UTF-8 is read as Windows-1252 instead of failing (per the batch spec).
 */
export type CsvEncoding = 'utf-8' | 'windows-1252';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

// ignoreBOM: true keeps the decoders from eating the BOM; we strip it ourselves for both paths.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const windows1252 = new TextDecoder('windows-1252', { ignoreBOM: true });

export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8.decode(body), encoding: 'utf-8' };
  } catch {
    // TextDecoder with fatal:true throws only on malformed UTF-8.
    return { text: fixWindows1252(windows1252.decode(body)), encoding: 'windows-1252' };
  }
}

/**
 * Node 20.18.3+ and 22.13+ decode windows-1252 as Latin-1, so bytes 0x80–0x9F come out as C1
 * control characters instead of € ‘ ’ “ ” – — Š Ž … (nodejs/node#60888). Map them as the WHATWG
 * table does; on a correct decoder this changes nothing (the five unmapped bytes map to themselves).
 */
const WINDOWS_1252_C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';
const C1 = /[\u0080-\u009F]/g;

/** Exported for the streamed reader of cards.csv, which decodes chunk by chunk. */
export function fixWindows1252(text: string): string {
  return text.replace(C1, (c) => WINDOWS_1252_C1.charAt(c.charCodeAt(0) - 0x80));
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
