import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBatchPackage } from '../../../../src/main/useCases/import/readPackage';
import {
  demoCardsCsv,
  demoPackageFor,
  generateDemoCards,
  loadPostcodeWeights,
  postcodesOfPoint,
  type PostcodeWeight,
} from '../../../../src/main/demo/generateDemoCards';
import { NAME_ORIGINS } from '../../../../src/main/demo/demoNames';
import { readZipEntries } from '../../../../src/main/platform/zip/readZip';
import { isValidCardNumber } from '../../../../src/shared/domain/cardNumber';
import { ASSETS_DIR, testIssuerKeys, testReadOptions } from '../../../helpers/packages';

const postcodes = loadPostcodeWeights(readFileSync(path.join(ASSETS_DIR, 'be-postcodes.csv'), 'utf8'));
const byCode = new Map(postcodes.map((p) => [p.postcode, p]));
const GENT: PostcodeWeight[] = postcodesOfPoint(postcodes, [
  { from: 9000, to: 9000 },
  { from: 9030, to: 9032 },
  { from: 9040, to: 9040 },
  { from: 9050, to: 9050 },
]);

describe('postcodes for demo data', () => {
  it('keeps one row per geographic postcode, skipping institutions', () => {
    expect(postcodes.length).toBeGreaterThan(1100);
    expect(new Set(postcodes.map((p) => p.postcode)).size).toBe(postcodes.length);
    for (const code of ['1005', '1011', '1043', '1044', '1110']) expect(byCode.has(code)).toBe(false);
  });

  it('shows Dutch place names, also in Brussels', () => {
    expect(byCode.get('1000')?.plaats).toBe('Brussel');
    expect(byCode.get('1020')?.plaats).toBe('Laken');
    expect(byCode.get('1180')?.plaats).toBe('Ukkel');
    expect(byCode.get('1060')?.plaats).toBe('Sint-Gillis');
    expect(byCode.get('9100')?.plaats).toBe('Sint-Niklaas');
    expect(byCode.get('3800')?.plaats).toBe('Sint-Truiden');
    expect(byCode.get('9000')).toMatchObject({ plaats: 'Gent', lat: 51.05401, lon: 3.7217 });
  });

  it('weighs big cities above villages and Flanders far above Wallonia', () => {
    const weight = (code: string) => byCode.get(code)?.weight ?? 0;
    expect(weight('9000')).toBeGreaterThan(weight('9080') * 3);
    expect(weight('2000')).toBeGreaterThan(weight('2990'));
    const total = postcodes.reduce((sum, p) => sum + p.weight, 0);
    const wallonia = postcodes
      .filter(
        (p) => (+p.postcode >= 1300 && +p.postcode < 1500) || (+p.postcode >= 4000 && +p.postcode < 8000),
      )
      .reduce((sum, p) => sum + p.weight, 0);
    expect(wallonia / total).toBeLessThan(0.05);
  });

  it('keeps only the postcodes of a point, or all of them when it lists none', () => {
    expect(GENT.map((p) => p.postcode)).toEqual(['9000', '9030', '9031', '9032', '9040', '9050']);
    expect(postcodesOfPoint(postcodes, [])).toHaveLength(postcodes.length);
  });
});

describe('demo cards', () => {
  const cards = generateDemoCards({ count: 20_000, seed: 42, postcodes });

  it('are the same for the same seed and differ for another seed', () => {
    expect(generateDemoCards({ count: 500, seed: 42, postcodes })).toEqual(cards.slice(0, 500));
    expect(generateDemoCards({ count: 500, seed: 43, postcodes })).not.toEqual(cards.slice(0, 500));
  });

  it("have valid, unique card numbers in the fixtures' card-year style", () => {
    expect(cards[0]?.kaartnummer).toBe('270000000154');
    expect(cards.every((c) => isValidCardNumber(c.kaartnummer))).toBe(true);
    expect(new Set(cards.map((c) => c.kaartnummer)).size).toBe(cards.length);
    const later = generateDemoCards({ count: 3, seed: 1, postcodes, firstSerial: 2_800_000_001 });
    expect(later.map((c) => c.kaartnummer.slice(0, 10))).toEqual(['2800000001', '2800000002', '2800000003']);
  });

  it('have unique 11-digit stamboeknummers', () => {
    expect(cards.every((c) => /^\d{11}$/.test(c.stamboeknummer))).toBe(true);
    expect(new Set(cards.map((c) => c.stamboeknummer)).size).toBe(cards.length);
  });

  it('carry particles, diacritics and names of Belgians of many origins', () => {
    const surnames = new Set(cards.map((c) => c.achternaam));
    for (const name of [
      'Peeters',
      'Janssens',
      'Van den Broeck',
      'De Smet',
      "'t Kint",
      "D'Hondt",
      'Öztürk',
      'Nguyễn',
      'El Amrani',
    ]) {
      expect(surnames.has(name), name).toBe(true);
    }
    const firstNames = new Set(cards.map((c) => c.voornaam));
    for (const name of ['Joëlle', 'Zoë', 'Mehmet']) expect(firstNames.has(name), name).toBe(true);
    // Peeters is the most common surname, as in Flanders.
    const counts = new Map<string, number>();
    for (const c of cards) counts.set(c.achternaam, (counts.get(c.achternaam) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(top).toBe('Peeters');
  });

  it('withdraw about 5% of the cards by default', () => {
    const revoked = cards.filter((c) => c.status === 'ingetrokken').length / cards.length;
    expect(revoked).toBeGreaterThan(0.04);
    expect(revoked).toBeLessThan(0.06);
    const none = generateDemoCards({ count: 1000, seed: 1, postcodes, revokedShare: 0 });
    expect(none.every((c) => c.status === 'beschikbaar')).toBe(true);
  });

  it('group teachers in schools of about 15 to 60 near where they live', () => {
    const schools = new Map<string, Set<string>>();
    const sizes = new Map<string, number>();
    for (const c of cards) {
      if (c.instellingsnummer === '') continue;
      expect(c.instellingsnummer).toMatch(/^\d{6}$/);
      sizes.set(c.instellingsnummer, (sizes.get(c.instellingsnummer) ?? 0) + 1);
      const areas = schools.get(c.instellingsnummer) ?? new Set<string>();
      areas.add(c.postcode.slice(0, 3));
      schools.set(c.instellingsnummer, areas);
    }
    expect([...schools.values()].every((areas) => areas.size === 1)).toBe(true);
    expect(Math.max(...sizes.values())).toBeLessThanOrEqual(60);
    const sorted = [...sizes.values()].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    expect(median).toBeGreaterThanOrEqual(15);
  });

  it('live in the postcodes given, with their place names', () => {
    const gent = generateDemoCards({ count: 2000, seed: 7, postcodes: GENT });
    const allowed = new Set(GENT.map((p) => p.postcode));
    expect(gent.every((c) => allowed.has(c.postcode))).toBe(true);
    expect(gent.filter((c) => c.postcode === '9000').every((c) => c.gemeente === 'Gent')).toBe(true);
  });

  it('name origins add up to everyone', () => {
    expect(NAME_ORIGINS.reduce((sum, o) => sum + o.share, 0)).toBeCloseTo(1, 6);
  });

  it('refuses nonsense counts and an empty postcode list', () => {
    expect(generateDemoCards({ count: 0, seed: 1, postcodes: [] })).toEqual([]);
    expect(() => generateDemoCards({ count: 10, seed: 1, postcodes: [] })).toThrow(RangeError);
    expect(() => generateDemoCards({ count: -1, seed: 1, postcodes })).toThrow(RangeError);
  });

  it('write cards.csv with `;` and CRLF, quoting where needed', () => {
    const csv = demoCardsCsv([
      { ...cards[0]!, achternaam: 'Van; Damme', status: 'ingetrokken' },
      { ...cards[1]!, status: 'beschikbaar' },
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'kaartnummer;stamboeknummer;voornaam;achternaam;postcode;gemeente;instellingsnummer;status',
    );
    expect(lines[1]).toContain(';"Van; Damme";');
    expect(lines[1]?.endsWith(';ingetrokken')).toBe(true);
    expect(lines[2]?.endsWith(';')).toBe(true);
    expect(lines[3]).toBe('');
  });
});

describe('demo packages', () => {
  const options = {
    pointId: 'BIB-GENT',
    pointName: 'Bibliotheek De Krook, Gent',
    count: 1000,
    seed: 3,
    privateKeyPem: testIssuerKeys().privateKeyPem,
    postcodes: GENT,
    availableFrom: '2026-12-01',
    availableUntil: '2027-06-30',
    cardYear: 2027,
  };

  it('verify with readBatchPackage and the test issuer key', () => {
    const result = readBatchPackage(demoPackageFor(options), testReadOptions('BIB-GENT'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.signature).toBe('valid');
    expect(result.value.manifest).toMatchObject({
      batchId: '2027-BIB-GENT-01',
      pointName: 'Bibliotheek De Krook, Gent',
      availableFrom: '2026-12-01',
      files: { 'cards.csv': { rows: 1000 } },
    });
    expect(result.value.manifest.issuedAt).toMatch(/^2026-10-17T\d\d:30:00\+0[12]:00$/);
  });

  it('are byte-for-byte the same for the same options', () => {
    expect(demoPackageFor(options)).toEqual(demoPackageFor(options));
  });

  it('can be unsigned, to demonstrate the administrator override', () => {
    const unsigned = demoPackageFor({ ...options, privateKeyPem: null, batchId: '2027-BIB-GENT-02' });
    expect(readBatchPackage(unsigned, testReadOptions('BIB-GENT')).ok).toBe(false);
    const result = readBatchPackage(unsigned, testReadOptions('BIB-GENT', { allowUnsigned: true }));
    expect(result.ok && result.value.manifest.batchId).toBe('2027-BIB-GENT-02');
  });

  it('make a readable signed package of 200,000 cards', () => {
    const bytes = demoPackageFor({ ...options, count: 200_000, postcodes });
    const zip = readZipEntries(bytes);
    expect(zip.ok).toBe(true);
    const result = readBatchPackage(bytes, testReadOptions('BIB-GENT'));
    expect(result.ok && result.value.manifest.files['cards.csv']?.rows).toBe(200_000);
  });
});
