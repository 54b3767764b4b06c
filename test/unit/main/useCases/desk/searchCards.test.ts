import { beforeAll, describe, expect, it } from 'vitest';
import { importBatch } from '../../../../../src/main/useCases/import/importBatch';
import { searchCards } from '../../../../../src/main/useCases/desk/searchCards';
import { makeCardNumber } from '../../../../../src/shared/domain/cardNumber';
import { CARDS_HEADER, makeTestPackage } from '../../../../helpers/packages';
import { testStore } from '../../../../helpers/store';
import type { TestStore } from '../../../../helpers/store';

const people: [string, string, string, string, string][] = [
  ['Jan', 'Peeters', '9000', '01234567890', '100200'],
  ['Peeters', 'Jan', '9000', '11234567890', ''],
  ['Ayşe', 'Öztürk', '9040', '21234567890', '100200'],
  ['Mehmet', 'Çelik', '9040', '31234567890', ''],
  ['Hoa', 'Nguyễn', '9050', '41234567890', ''],
  ['Lotte', 'Van den Broeck', '9000', '51234567890', '100200'],
  ['Els', "'t Kint", '9030', '61234567890', ''],
  ['Koen', "D'Hondt", '9031', '71234567890', ''],
  ['Jana', 'Jansen', '9000', '81234567890', ''],
];
const cardOf = (i: number) => makeCardNumber(2700000100 + i);

let store: TestStore;
beforeAll(async () => {
  store = testStore();
  const rows = people.map(
    ([v, a, pc, sb, school], i) => `${cardOf(i)};${sb};${v};${a};${pc};Gent;${school};`,
  );
  const result = await importBatch(
    store,
    makeTestPackage({ cardsCsv: [CARDS_HEADER, ...rows, ''].join('\r\n') }),
  );
  if (!result.ok) throw new Error('import failed');
});

const surnames = (q: string) => searchCards(store.db, q).map((r) => r.achternaam);

describe('one search box for everything staff type or scan', () => {
  it('finds names without their accents, in any case', () => {
    expect(surnames('ozturk')).toEqual(['Öztürk']);
    expect(surnames('CELIK')).toEqual(['Çelik']);
    expect(surnames('nguyen')).toEqual(['Nguyễn']);
    expect(surnames('ayse')).toEqual(['Öztürk']);
  });

  it('matches every word as a prefix, in any order', () => {
    expect(searchCards(store.db, 'jan peeters').map((r) => r.card)).toEqual(
      expect.arrayContaining([cardOf(0), cardOf(1)]),
    );
    expect(surnames('peeters jan')).toContain('Peeters');
    expect(surnames('pee j')).toContain('Peeters');
  });

  it('puts whole-word matches before prefix matches', () => {
    const hits = searchCards(store.db, 'jan');
    expect(hits.map((h) => h.voornaam)).toContain('Jana');
    expect(hits[hits.length - 1]?.voornaam).toBe('Jana');
  });

  it('handles Dutch particles: "van den b", "vandenbroeck" and "broeck" all find Van den Broeck', () => {
    for (const q of ['van den b', 'vandenbroeck', 'broeck', 'Van Den Broeck lotte']) {
      expect(surnames(q)).toEqual(['Van den Broeck']);
    }
    expect(surnames('t kint')).toEqual(["'t Kint"]);
    expect(surnames("'t kint")).toEqual(["'t Kint"]);
    expect(surnames('dhondt')).toEqual(["D'Hondt"]);
  });

  it('finds a card by its number and a teacher by stamboeknummer, also as Excel left it', () => {
    expect(searchCards(store.db, cardOf(2))[0]).toMatchObject({ achternaam: 'Öztürk', match: 'card' });
    expect(searchCards(store.db, '51234567890')[0]).toMatchObject({
      achternaam: 'Van den Broeck',
      match: 'stamboeknummer',
    });
    expect(searchCards(store.db, '1234567890')[0]).toMatchObject({
      achternaam: 'Peeters',
      match: 'stamboeknummer',
    });
  });

  it('lists the cards of a postcode and of a school', () => {
    expect(
      searchCards(store.db, '9040')
        .map((r) => r.achternaam)
        .sort(),
    ).toEqual(['Çelik', 'Öztürk']);
    expect(searchCards(store.db, '100200').map((r) => r.match)).toEqual(['school', 'school', 'school']);
  });

  it('shows the status with every result', () => {
    for (const hit of searchCards(store.db, 'a'))
      expect(['waiting', 'collected', 'revoked', 'replaced']).toContain(hit.status);
  });

  it('finds nothing for a name nobody has, rather than something close', () => {
    expect(searchCards(store.db, 'zzyzx')).toEqual([]);
  });
});
