import { describe, expect, it } from 'vitest';
import { MAX_UNKNOWN_LENGTH, parseScan } from '../../../../src/shared/scan/parseScan';

describe('parseScan: what a scanned code means at the desk', () => {
  describe('accepted', () => {
    it('a card number with a valid check (the barcode on the pick-up letter)', () => {
      expect(parseScan('270000000154')).toEqual({ kind: 'card', card: '270000000154' });
    });

    it('a card number with the carriage return or spaces some scanners add', () => {
      expect(parseScan(' 270000000154\r\n')).toEqual({ kind: 'card', card: '270000000154' });
      expect(parseScan('\u0002270000000154\u0003')).toEqual({ kind: 'card', card: '270000000154' });
    });

    it('a stamboeknummer (11 digits)', () => {
      expect(parseScan('01234567890')).toEqual({ kind: 'stamboeknummer', stamboeknummer: '01234567890' });
    });

    it('the look-up QR code: a URL with ?kaart=', () => {
      expect(parseScan('https://www.lerarenkaart.be/afhalen?kaart=270000000255')).toEqual({
        kind: 'card',
        card: '270000000255',
      });
    });

    it('a URL with kaart= after another parameter (&kaart=)', () => {
      expect(parseScan('https://www.lerarenkaart.be/afhalen?taal=nl&kaart=270000000154#top')).toEqual({
        kind: 'card',
        card: '270000000154',
      });
    });

    it('a URL with ?sb= or &sb= carries a stamboeknummer', () => {
      expect(parseScan('https://www.lerarenkaart.be/afhalen?sb=01234567890')).toEqual({
        kind: 'stamboeknummer',
        stamboeknummer: '01234567890',
      });
      expect(parseScan('http://lerarenkaart.be/a?x=1&sb=01234567890')).toEqual({
        kind: 'stamboeknummer',
        stamboeknummer: '01234567890',
      });
    });

    it('parameter names in capitals (some QR generators) and kaart before sb', () => {
      expect(parseScan('HTTPS://WWW.LERARENKAART.BE/AFHALEN?KAART=270000000154')).toEqual({
        kind: 'card',
        card: '270000000154',
      });
      expect(parseScan('https://x.be/?sb=01234567890&kaart=270000000154')).toEqual({
        kind: 'card',
        card: '270000000154',
      });
    });
  });

  describe('refused: unknown, with what was read', () => {
    it('12 digits with a wrong check (a misread or another barcode)', () => {
      expect(parseScan('270000000155')).toEqual({ kind: 'unknown', raw: '270000000155' });
    });

    it('a URL whose card number fails the check', () => {
      const url = 'https://www.lerarenkaart.be/afhalen?kaart=270000000299';
      expect(parseScan(url)).toEqual({ kind: 'unknown', raw: url });
    });

    it('a URL whose sb is not 11 digits, or without kaart/sb', () => {
      expect(parseScan('https://x.be/?sb=123')).toMatchObject({ kind: 'unknown' });
      expect(parseScan('https://www.lerarenkaart.be/afhalen?code=270000000154')).toMatchObject({
        kind: 'unknown',
      });
      expect(parseScan('https://www.lerarenkaart.be/kaart=270000000154')).toMatchObject({ kind: 'unknown' });
    });

    it('a look-up address without http(s)://', () => {
      expect(parseScan('www.lerarenkaart.be/afhalen?kaart=270000000154')).toMatchObject({ kind: 'unknown' });
    });

    it('other digit counts and digits with separators', () => {
      for (const raw of ['1234567890', '2700000001540', '1234567', '2700 0000 0154', '0123456789O']) {
        expect(parseScan(raw)).toEqual({ kind: 'unknown', raw });
      }
    });

    it('a book barcode or plain text', () => {
      expect(parseScan('9789020412345')).toEqual({ kind: 'unknown', raw: '9789020412345' });
      expect(parseScan('Bibliotheek Gent')).toEqual({ kind: 'unknown', raw: 'Bibliotheek Gent' });
    });

    it('nothing at all', () => {
      expect(parseScan('')).toEqual({ kind: 'unknown', raw: '' });
      expect(parseScan(' \r\n')).toEqual({ kind: 'unknown', raw: '' });
    });

    it('control characters are removed from what is shown (GS1 separators, tabs)', () => {
      expect(parseScan('\u001d0101234\u001d17abc\t')).toEqual({ kind: 'unknown', raw: '010123417abc' });
    });

    it('long codes are cut to 100 characters, ending in …', () => {
      const result = parseScan('x'.repeat(500));
      expect(result.kind).toBe('unknown');
      const raw = result.kind === 'unknown' ? result.raw : '';
      expect(Array.from(raw)).toHaveLength(MAX_UNKNOWN_LENGTH);
      expect(raw.endsWith('…')).toBe(true);
      expect(parseScan('y'.repeat(100))).toEqual({ kind: 'unknown', raw: 'y'.repeat(100) });
    });

    it('cutting never splits an emoji in half', () => {
      const result = parseScan('😀'.repeat(150));
      const raw = result.kind === 'unknown' ? result.raw : '';
      expect(
        Array.from(raw)
          .slice(0, -1)
          .every((ch) => ch === '😀'),
      ).toBe(true);
    });
  });
});
