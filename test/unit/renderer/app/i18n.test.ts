import { describe, expect, it } from 'vitest';
import { CATALOGUES, allKeys, translator } from '../../../../src/renderer/app/i18n';

describe('the UI text catalogues', () => {
  it('have an English text for every Dutch one, and no English-only keys', () => {
    for (const catalogue of CATALOGUES) {
      expect(Object.keys(catalogue.en).sort()).toEqual(Object.keys(catalogue.nl).sort());
    }
  });

  it('never define the same key in two catalogues', () => {
    const seen = new Map<string, number>();
    CATALOGUES.forEach((catalogue, i) => {
      for (const key of Object.keys(catalogue.nl)) {
        expect(seen.has(key), `${key} defined twice`).toBe(false);
        seen.set(key, i);
      }
    });
  });

  it('use the same {placeholders} in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const nl = translator('nl');
    const en = translator('en');
    for (const key of allKeys('nl')) expect(placeholders(en(key)), key).toEqual(placeholders(nl(key)));
  });

  it('fill in placeholders and fall back to Dutch, never to undefined', () => {
    expect(translator('nl')('app.staff', { name: 'Sofie' })).toBe('Medewerker: Sofie');
    expect(translator('en')('app.staff', { name: 'Sofie' })).toBe('Staff: Sofie');
    expect(translator('en')('no.such.key')).toBe('no.such.key');
  });
});
