import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  foldText,
  foldUnicode,
  nameIndexTexts,
  nameSearchText,
  nameSortKey,
} from '../../../../src/shared/search/foldName';
import { classifyQuery } from '../../../../src/shared/search/classifyQuery';

describe('folding names the way staff type them', () => {
  it.each([
    ['Öztürk', 'ozturk'],
    ['Çelik', 'celik'],
    ['Nguyễn', 'nguyen'],
    ["'t Kint", 't kint'],
    ["D'Hondt", 'd hondt'],
    ['Joëlle-Anaïs', 'joelle anais'],
    ['Søren Æbelø', 'soren aebelo'],
    ['Yılmaz', 'yilmaz'],
  ])('%s → %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('gives plain ASCII names the same folding through the fast path as through the full rule', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 ]{0,30}$/), (name) => {
        expect(foldText(name)).toBe(foldUnicode(name));
      }),
      { numRuns: 2000 },
    );
  });

  it('indexes a surname with particles also as one word', () => {
    expect(nameSearchText('Jan', 'Van den Broeck')).toBe('jan van den broeck vandenbroeck');
    expect(nameSearchText('Els', "'t Kint")).toBe('els t kint tkint');
    expect(nameSearchText('An', 'Peeters')).toBe('an peeters');
  });

  it('gives the import the same search text and name key at once as the two functions do', () => {
    const name = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('Van den Broeck', "'t Kint", 'Öztürk-Yılmaz', 'Jan Pieter', '', '  ', 'Ëlla'),
    );
    fc.assert(
      fc.property(name, name, (voornaam, achternaam) => {
        expect(nameIndexTexts(voornaam, achternaam)).toEqual({
          searchText: nameSearchText(voornaam, achternaam),
          sortKey: nameSortKey(voornaam, achternaam),
        });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('reading what was typed or scanned into the one query box', () => {
  it('takes 12 digits with a valid check as a card number', () => {
    expect(classifyQuery('270000000154')).toEqual({ kind: 'card', card: '270000000154' });
    expect(classifyQuery(' 2700 0000 0154 ')).toEqual({ kind: 'card', card: '270000000154' });
  });

  it('flags 12 digits with a wrong check digit', () => {
    expect(classifyQuery('270000000155').kind).toBe('card_bad_check');
  });

  it('takes 11 digits as a stamboeknummer and pads the 8–10 digits Excel leaves', () => {
    expect(classifyQuery('01234567890')).toEqual({
      kind: 'stamboeknummer',
      stamboeknummer: '01234567890',
      padded: false,
    });
    expect(classifyQuery('1234567890')).toEqual({
      kind: 'stamboeknummer',
      stamboeknummer: '01234567890',
      padded: true,
    });
    expect(classifyQuery('12345678')).toEqual({
      kind: 'stamboeknummer',
      stamboeknummer: '00012345678',
      padded: true,
    });
  });

  it('reads the card or stamboeknummer from a look-up URL', () => {
    expect(classifyQuery('https://lerarenkaart.be/afhalen?kaart=270000000154')).toEqual({
      kind: 'card',
      card: '270000000154',
    });
    expect(classifyQuery('https://example.test/x?foo=1&sb=01234567890').kind).toBe('stamboeknummer');
  });

  it('keeps short digit strings for postcode, school and card-prefix look-ups, and names as words', () => {
    expect(classifyQuery('9000')).toEqual({ kind: 'digits', digits: '9000' });
    expect(classifyQuery('Van den B')).toEqual({ kind: 'name', words: ['van', 'den', 'b'] });
    expect(classifyQuery('   ')).toEqual({ kind: 'empty' });
  });
});
