import { describe, expect, it } from 'vitest';
import { importBatch } from '../../../../src/main/useCases/import/importBatch';
import { searchCards } from '../../../../src/main/useCases/desk/searchCards';
import { makeCardNumber } from '../../../../src/shared/domain/cardNumber';
import { CARDS_HEADER, makeTestPackage } from '../../../helpers/packages';
import { testStore } from '../../../helpers/store';

const csv = (...rows: string[]) => [CARDS_HEADER, ...rows, ''].join('\r\n');
const card1 = makeCardNumber(2700000001);
const card2 = makeCardNumber(2700000002);

/** The name-word index behind one-word search: kept in step with the cards by triggers. */
describe('name words', () => {
  it('follow a card whose name a later batch changes, and leave with a deleted card', async () => {
    const store = testStore();
    await importBatch(
      store,
      makeTestPackage({
        batchId: '2027-BIB-GENT-01',
        cardsCsv: csv(
          `${card1};11111111111;An;Peeters;9000;Gent;;`,
          `${card2};22222222222;Bram;Maes;9000;Gent;;`,
        ),
      }),
    );
    const renamed = await importBatch(
      store,
      makeTestPackage({
        batchId: '2027-BIB-GENT-02',
        cardsCsv: csv(`${card1};11111111111;An;Van den Broeck;9000;Gent;;`),
      }),
    );
    expect(renamed).toMatchObject({ ok: true, value: { updated: 1 } });
    expect(searchCards(store.db, 'peeters')).toEqual([]);
    for (const q of ['broeck', 'vandenbroeck', 'van', 'an'])
      expect(searchCards(store.db, q).map((r) => r.card)).toContain(card1);
    const words = () => store.db.prepare('SELECT word FROM name_words ORDER BY word').pluck().all();
    expect(words()).toEqual(['an', 'bram', 'broeck', 'den', 'maes', 'van', 'vandenbroeck']);

    store.db.exec(`DELETE FROM cards WHERE card = '${card2}'`);
    expect(words()).toEqual(['an', 'broeck', 'den', 'van', 'vandenbroeck']);
    store.db.close();
  });

  it('rank one word: whole surname, whole first name, surname prefix, first-name prefix; by name within each', async () => {
    const store = testStore();
    const people = [
      ['Jan', 'Peeters'],
      ['Peeters', 'Jan'],
      ['Anna', 'Peetermans'],
      ['Peetje', 'Aerts'],
      ['Bert', 'Peeters'],
      ['Ëlla', 'Peeters'],
    ];
    await importBatch(
      store,
      makeTestPackage({
        cardsCsv: csv(
          ...people.map(
            ([v, a], i) => `${makeCardNumber(2700000010 + i)};${10000000000 + i};${v};${a};9000;Gent;;`,
          ),
        ),
      }),
    );
    const names = (q: string, limit?: number) =>
      searchCards(store.db, q, limit).map((r) => `${r.voornaam} ${r.achternaam}`);
    expect(names('peeters')).toEqual(['Bert Peeters', 'Ëlla Peeters', 'Jan Peeters', 'Peeters Jan']);
    expect(names('pee')).toEqual([
      'Anna Peetermans',
      'Bert Peeters',
      'Ëlla Peeters',
      'Jan Peeters',
      'Peeters Jan',
      'Peetje Aerts',
    ]);
    expect(names('pee', 2)).toEqual(['Anna Peetermans', 'Bert Peeters']);
    store.db.close();
  });

  it('several words: the name as typed first (either order), then every other match; a surname also written as one word', async () => {
    const store = testStore();
    const people = [
      ['Jana', 'Peeters'],
      ['Jan', 'Peetersen'],
      ['Peeters', 'Jan'],
      ['Jan', 'Peeters'],
      ['Anna', 'Jansen'],
      ['Julie', 'De Smet'],
      ['Jules', 'Desmet'],
      ['Lotte', 'Van den Broeck'],
      ['Bart', 'Van Dender'],
    ];
    await importBatch(
      store,
      makeTestPackage({
        cardsCsv: csv(
          ...people.map(
            ([v, a], i) => `${makeCardNumber(2700000010 + i)};${10000000000 + i};${v};${a};9000;Gent;;`,
          ),
        ),
      }),
    );
    const names = (q: string) => searchCards(store.db, q).map((r) => `${r.voornaam} ${r.achternaam}`);
    // Surname first as typed, then first name first as typed, then the other matches.
    expect(names('peeters jan')).toEqual(['Jan Peeters', 'Jana Peeters', 'Peeters Jan', 'Jan Peetersen']);
    expect(names('jan peeters').slice(0, 3)).toEqual(['Peeters Jan', 'Jan Peeters', 'Jan Peetersen']);
    expect(names('jan peeters')).toHaveLength(4);
    expect(names('jan pee')).toEqual(
      expect.arrayContaining(['Jan Peeters', 'Jan Peetersen', 'Jana Peeters']),
    );
    // The surname written as one word matches in any position, also next to a first name.
    expect(names('julie desmet')).toEqual(['Julie De Smet']);
    expect(names('desmet ju')).toEqual(['Jules Desmet', 'Julie De Smet']);
    expect(names('lotte vandenbroeck')).toEqual(['Lotte Van den Broeck']);
    // A surname of several words as typed first; every word still only has to start some word.
    expect(names('van den b')).toEqual(['Lotte Van den Broeck', 'Bart Van Dender']);
    store.db.close();
  });
});
