import { describe, expect, it } from 'vitest';
import { mergeTexts, renderEntry } from '../../../../src/shared/i18n/texts/catalogue';
import type { TextEntry } from '../../../../src/shared/i18n/texts/catalogue';
import type { Lang } from '../../../../src/shared/lang';
import { TEXTS as DESK_TEXTS, textsFor } from '../../../../src/shared/i18n/texts';
import { cliCommandTexts } from '../../../../src/shared/i18n/texts/cliTexts';
import { cliHelpTexts } from '../../../../src/shared/i18n/texts/cliHelpTexts';
import { importTexts } from '../../../../src/shared/i18n/texts/importTexts';
import { reportTexts } from '../../../../src/shared/i18n/texts/reportTexts';

/** Every area at once; merging also refuses a key two areas both define. */
const TEXTS = mergeTexts(DESK_TEXTS, cliCommandTexts, cliHelpTexts, importTexts, reportTexts);

const LANGS: readonly Lang[] = ['nl', 'en'];

function placeholders(entry: TextEntry): string[] {
  const forms = typeof entry === 'string' ? [entry] : [entry.one, entry.other];
  return [...new Set(forms.flatMap((form) => [...form.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')))];
}

function sampleParams(entry: TextEntry, count: number): Record<string, string | number> {
  return Object.fromEntries(
    placeholders(entry).map((name) => [name, name === 'count' ? count : `«${name}»`]),
  );
}

describe('the one text catalogue', () => {
  it('renders every text in both languages with every placeholder filled, never a raw key or {hole}', () => {
    for (const lang of LANGS) {
      const texts: Readonly<Record<string, TextEntry>> = TEXTS[lang];
      for (const [key, entry] of Object.entries(texts)) {
        for (const count of [1, 3]) {
          const shown = renderEntry(entry, sampleParams(entry, count), lang);
          expect(shown, `${lang} ${key}`).not.toMatch(/\{\w+\}/);
          expect(shown, `${lang} ${key}`).not.toBe(key);
          expect(shown.trim(), `${lang} ${key}`).not.toBe('');
        }
      }
    }
  });

  it('has the same keys and placeholders in Dutch and English at runtime too', () => {
    expect(Object.keys(TEXTS.en).sort()).toEqual(Object.keys(TEXTS.nl).sort());
    const en: Readonly<Record<string, TextEntry>> = TEXTS.en;
    for (const [key, entry] of Object.entries(TEXTS.nl)) {
      const english = en[key];
      expect(english, key).toBeDefined();
      if (english !== undefined)
        expect(placeholders(english).sort(), key).toEqual(placeholders(entry).sort());
    }
  });

  it('speaks English in English: no Dutch sentence words left in an English text', () => {
    const dutchWords = /\b(het|niet|een|geen|wordt|zijn|naar|voor|deze|kaarten|afgehaald|probeer)\b/i;
    // Names a librarian knows in Dutch stay Dutch on purpose (menu names, file names, field values).
    const keptDutch = /Beheer|Nieuw kaartjaar|beschikbaar|ingetrokken|stamboeknummer|balie /;
    for (const [key, entry] of Object.entries(TEXTS.en)) {
      const shown = renderEntry(entry, sampleParams(entry, 3), 'en').replace(keptDutch, '');
      expect(shown, key).not.toMatch(dutchWords);
    }
  });

  it('counts through the plural rules: 1 probleem, 120 problemen; 1 kaart, 2 kaarten', () => {
    const nl = textsFor('nl');
    const en = textsFor('en');
    expect(nl('admin.import.refusedCount', { count: 1 })).toBe(
      'Het pakket wordt niet ingelezen: 1 probleem.',
    );
    expect(nl('admin.import.refusedCount', { count: 120 })).toBe(
      'Het pakket wordt niet ingelezen: 120 problemen.',
    );
    expect(en('admin.import.refusedCount', { count: 1 })).toBe('The package is not imported: 1 problem.');
    expect(nl('group.done.title', { count: 1 })).toBe('Groepsafhaling bevestigd: 1 kaart');
    expect(nl('group.done.title', { count: 2 })).toBe('Groepsafhaling bevestigd: 2 kaarten');
    expect(en('group.blocker.refused', { count: 0 })).toBe('0 cards refused: remove them from the group.');
  });

  it('fills the texts librarians see', () => {
    expect(textsFor('nl')('app.staff', { name: 'Sofie' })).toBe('Medewerker: Sofie');
    expect(textsFor('en')('app.staff', { name: 'Sofie' })).toBe('Staff: Sofie');
    expect(textsFor('nl')('scan.status.searching')).toBe('Camera zoekt een code…');
    expect(textsFor('nl')('scan.status.read', { code: '123456789012' })).toBe('Gelezen: 123456789012');
  });
});
