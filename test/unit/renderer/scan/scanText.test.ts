import { describe, expect, it } from 'vitest';
import { scanText } from '../../../../src/renderer/scan/scanText';

describe('webcam scanner texts', () => {
  it('Dutch and English have the same keys and the same placeholders', () => {
    expect(Object.keys(scanText.en).sort()).toEqual(Object.keys(scanText.nl).sort());
    for (const key of Object.keys(scanText.nl) as (keyof typeof scanText.nl)[]) {
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(holes(scanText.en[key]), key).toEqual(holes(scanText.nl[key]));
    }
  });

  it('the status lines librarians see', () => {
    expect(scanText.nl['scan.status.searching']).toBe('Camera zoekt een code…');
    expect(scanText.nl['scan.status.read']).toBe('Gelezen: {code}');
  });
});
