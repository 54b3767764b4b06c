import { describe, it, expect } from 'vitest';
import { decodeCsvBytes } from '../../../../src/shared/csv/decodeText';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decoding CSV bytes', () => {
  it('reads a UTF-8 file with Öztürk, Çelik and Nguyễn intact', () => {
    expect(decodeCsvBytes(utf8('Öztürk;Çelik;Nguyễn'))).toEqual({
      text: 'Öztürk;Çelik;Nguyễn',
      encoding: 'utf-8',
    });
  });

  it('drops the byte order mark Excel puts before UTF-8', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('kaartnummer;Joëlle')]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'kaartnummer;Joëlle', encoding: 'utf-8' });
  });

  it('reads a Windows-1252 file from Excel with é and ë intact', () => {
    // "Frédéric;Joëlle;€" as Excel on Windows saves it ("CSV (gescheiden door lijstscheidingsteken)")
    const bytes = new Uint8Array([
      0x46, 0x72, 0xe9, 0x64, 0xe9, 0x72, 0x69, 0x63, 0x3b, 0x4a, 0x6f, 0xeb, 0x6c, 0x6c, 0x65, 0x3b, 0x80,
    ]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'Frédéric;Joëlle;€', encoding: 'windows-1252' });
  });

  it("reads Excel's curly quotes, dashes and Š/Ž from Windows-1252, not as control characters", () => {
    const bytes = new Uint8Array([0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x8a, 0x8e, 0x9c, 0x85, 0x81]);
    expect(decodeCsvBytes(bytes).text).toBe('‘’“”–—ŠŽœ…\u0081');
  });

  it('reads every Windows-1252 byte as one character, high bytes as Latin-1 letters', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const { text, encoding } = decodeCsvBytes(all);
    expect(encoding).toBe('windows-1252');
    expect(text.length).toBe(256);
    expect(text.slice(0xa0)).toBe(String.fromCharCode(...Array.from({ length: 96 }, (_, i) => 0xa0 + i)));
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(decodeCsvBytes(utf8('a;b\r\n'))).toEqual({ text: 'a;b\r\n', encoding: 'utf-8' });
  });

  it('reads an empty file as empty text', () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('does not show a byte order mark as "ï»¿" when the rest is not UTF-8', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x4a, 0x6f, 0xeb, 0x6c]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'Joël', encoding: 'windows-1252' });
  });
});
