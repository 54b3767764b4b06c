import { describe, expect, it } from 'vitest';
import { defineTexts, translatorFor } from '../../../../src/shared/i18n/catalogue';

/**
 * The compiler is the test here: `npm run typecheck` covers test/, and every `@ts-expect-error`
 * line fails the typecheck if the catalogue types would accept it.
 */
describe('the text catalogue types', () => {
  it('refuses an English catalogue that lacks a Dutch key', () => {
    const refused = () =>
      defineTexts(
        { 'a.title': 'Titel', 'a.body': 'Tekst' },
        // @ts-expect-error 'a.body' is missing in English
        { 'a.title': 'Title' },
      );
    expect(refused).toBeTypeOf('function');
  });

  it('refuses an English key Dutch does not have', () => {
    const refused = () =>
      defineTexts(
        { 'a.title': 'Titel' },
        // @ts-expect-error 'a.extra' is not a Dutch key
        { 'a.title': 'Title', 'a.extra': 'Extra' },
      );
    expect(refused).toBeTypeOf('function');
  });

  it('refuses English with other placeholders than Dutch', () => {
    const refused = () =>
      defineTexts(
        { 'a.card': 'Kaart {card}' },
        // @ts-expect-error {kaart} is not Dutch's {card}
        { 'a.card': 'Card {kaart}' },
      );
    const missing = () =>
      defineTexts(
        { 'a.card': 'Kaart {card} bij {point}' },
        // @ts-expect-error {point} is missing in English
        { 'a.card': 'Card {card}' },
      );
    expect([refused, missing]).toHaveLength(2);
  });

  it('refuses a plural in one language only', () => {
    const refused = () =>
      defineTexts(
        { 'a.n': { one: '{count} kaart', other: '{count} kaarten' } },
        // @ts-expect-error English must be plural too
        { 'a.n': '{count} cards' },
      );
    expect(refused).toBeTypeOf('function');
  });

  it('refuses t() with an unknown key, missing params or wrong params', () => {
    const texts = defineTexts(
      {
        'a.plain': 'Klaar',
        'a.card': 'Kaart {card}',
        'a.n': { one: '{count} kaart', other: '{count} kaarten' },
      },
      { 'a.plain': 'Done', 'a.card': 'Card {card}', 'a.n': { one: '{count} card', other: '{count} cards' } },
    );
    const t = translatorFor(texts, 'nl');
    // @ts-expect-error no such key
    expect(() => t('a.unknown')).toThrow();
    // @ts-expect-error {card} is required
    t('a.card');
    // @ts-expect-error {kaart} is not a placeholder of this text
    t('a.card', { kaart: '1' });
    // @ts-expect-error a plain text takes no params
    t('a.plain', { card: '1' });
    // @ts-expect-error the plural count is a number
    t('a.n', { count: '3' });
    expect(t('a.card', { card: '123' })).toBe('Kaart 123');
    expect(t('a.n', { count: 1 })).toBe('1 kaart');
    expect(t('a.n', { count: 3 })).toBe('3 kaarten');
    expect(translatorFor(texts, 'en')('a.n', { count: 0 })).toBe('0 cards');
  });
});
