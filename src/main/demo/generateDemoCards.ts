import { seededRandom } from '../../shared/random/seededRandom';
import type { IssuerStatus } from '../../shared/batch/rows';
import type { PostcodeRange } from '../../shared/domain/pointsDirectory';
import { CARDS_CSV_COLUMNS } from '../../shared/batch/readCardRows';
import { writeCsv } from '../../shared/csv/writeCsv';
import { makeCardNumber } from '../../shared/domain/cardNumber';
import { addDays, brusselsIso } from '../../shared/time/brussels';
import { writeBatchPackage } from '../useCases/import/writePackage';
import { FEMALE_SHARE, NAME_ORIGINS, zipfWeights, type NameOrigin } from './demoNames';

/** One postcode with its (Dutch) place name, centroid and relative number of teachers living there. */
export interface PostcodeWeight {
  postcode: string;
  plaats: string;
  lat: number;
  lon: number;
  weight: number;
}

/** A row of cards.csv, as the issuer would write it. */
export interface DemoCardRecord {
  kaartnummer: string;
  stamboeknummer: string;
  voornaam: string;
  achternaam: string;
  postcode: string;
  gemeente: string;
  /** 6 digits, or '' for a teacher without a school on record. */
  instellingsnummer: string;
  status: IssuerStatus;
}

export interface GenerateDemoCardsOptions {
  count: number;
  seed: number;
  postcodes: readonly PostcodeWeight[];
  /** Serial of the first card; default 2700000001 (card year 2027, as in the fixtures). */
  firstSerial?: number;
  /** Share of cards the issuer already withdrew; default 0.05. */
  revokedShare?: number;
}

// ---------------------------------------------------------------------------------------------
// Randomness: seeded, so a seed always gives the same demo (tests, screenshots, benchmarks).

type Rng = () => number;

function intBelow(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** Weighted choice in O(log n): cumulative weights plus binary search, built once per list. */
function makePicker<T>(items: readonly T[], weights: readonly number[]): (rng: Rng) => T {
  if (items.length === 0 || items.length !== weights.length)
    throw new Error('makePicker: empty or mismatched list');
  const cumulative = new Float64Array(items.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += Math.max(0, w);
    cumulative[i] = total;
  });
  if (!(total > 0)) throw new Error('makePicker: all weights are zero');
  return (rng) => {
    const target = rng() * total;
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  };
}

function listPicker(names: readonly string[]): (rng: Rng) => string {
  return makePicker(names, zipfWeights(names.length));
}

interface OriginPickers {
  origin: NameOrigin;
  female: (rng: Rng) => string;
  male: (rng: Rng) => string;
  surnameIndex: (rng: Rng) => number;
}

function originPickers(origin: NameOrigin): OriginPickers {
  const indexes = origin.surnames.map((_, i) => i);
  return {
    origin,
    female: listPicker(origin.female),
    male: listPicker(origin.male),
    surnameIndex: makePicker(indexes, zipfWeights(indexes.length)),
  };
}

// ---------------------------------------------------------------------------------------------
// Cards

interface School {
  number: string;
  remaining: number;
}

/** Share of teachers without a school on record (between assignments, substitutes). */
const NO_SCHOOL_SHARE = 0.03;

/**
 * Realistic Flemish teacher cards for demos and benchmarks: deterministic per seed, valid and
 * unique card numbers and stamboeknummers, names with particles and diacritics, schools of 15–60
 * teachers drawn from the teacher's own postcode area.
 */
export function generateDemoCards(options: GenerateDemoCardsOptions): DemoCardRecord[] {
  const { count, seed, postcodes } = options;
  const firstSerial = options.firstSerial ?? 2_700_000_001;
  const revokedShare = options.revokedShare ?? 0.05;
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (count > 0 && postcodes.length === 0)
    throw new RangeError('generateDemoCards needs at least one postcode');
  if (count === 0) return [];

  const rng = seededRandom(seed);
  const pickPostcode = makePicker(
    postcodes,
    postcodes.map((p) => p.weight),
  );
  const origins = NAME_ORIGINS.map(originPickers);
  const pickOrigin = makePicker(
    origins,
    NAME_ORIGINS.map((o) => o.share),
  );
  const flemish = origins[0];
  if (!flemish) throw new Error('NAME_ORIGINS must start with the Flemish names');

  const usedStamboek = new Set<string>();
  const usedSchoolNumbers = new Set<string>();
  // Schools by postcode area (first three digits): teachers mostly work near where they live.
  const openSchools = new Map<string, School[]>();

  const newSchool = (): School => {
    let number: string;
    do number = String(1 + intBelow(rng, 159_999)).padStart(6, '0');
    while (usedSchoolNumbers.has(number));
    usedSchoolNumbers.add(number);
    return { number, remaining: 15 + intBelow(rng, 46) };
  };

  const schoolFor = (postcode: string): string => {
    const area = postcode.slice(0, 3);
    let open = openSchools.get(area);
    if (!open) openSchools.set(area, (open = []));
    // Usually one of the schools already open in the area, sometimes another one opens.
    if (open.length === 0 || (open.length < 4 && rng() < 0.03)) open.push(newSchool());
    const index = intBelow(rng, open.length);
    const school = open[index] as School;
    school.remaining -= 1;
    if (school.remaining === 0) open.splice(index, 1);
    return school.number;
  };

  const records: DemoCardRecord[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const place = pickPostcode(rng);
    const pickers = pickOrigin(rng);
    const female = rng() < FEMALE_SHARE;
    const firstNames = rng() < pickers.origin.flemishFirstNameShare ? flemish : pickers;
    const voornaam = female ? firstNames.female(rng) : firstNames.male(rng);
    const surnameIndex = pickers.surnameIndex(rng);
    const surnames =
      female && pickers.origin.surnamesFemale ? pickers.origin.surnamesFemale : pickers.origin.surnames;
    const achternaam = surnames[surnameIndex] ?? pickers.origin.surnames[0] ?? 'Peeters';

    let stamboeknummer: string;
    do {
      // Two draws: one float carries only 32 random bits, 11 digits need 37.
      stamboeknummer =
        String(intBelow(rng, 100_000)).padStart(5, '0') + String(intBelow(rng, 1_000_000)).padStart(6, '0');
    } while (usedStamboek.has(stamboeknummer) || stamboeknummer === '00000000000');
    usedStamboek.add(stamboeknummer);

    const instellingsnummer = rng() < NO_SCHOOL_SHARE ? '' : schoolFor(place.postcode);
    records[i] = {
      kaartnummer: makeCardNumber(firstSerial + i),
      stamboeknummer,
      voornaam,
      achternaam,
      postcode: place.postcode,
      gemeente: place.plaats,
      instellingsnummer,
      status: rng() < revokedShare ? 'ingetrokken' : 'beschikbaar',
    };
  }
  return records;
}

/** cards.csv text as the issuer writes it: `;`, CRLF, UTF-8; `beschikbaar` left empty (the default). */
export function demoCardsCsv(records: readonly DemoCardRecord[]): string {
  const rows = records.map((r) => [
    r.kaartnummer,
    r.stamboeknummer,
    r.voornaam,
    r.achternaam,
    r.postcode,
    r.gemeente,
    r.instellingsnummer,
    r.status === 'beschikbaar' ? '' : r.status,
  ]);
  return writeCsv([...CARDS_CSV_COLUMNS], rows, { separator: ';', lineEnd: '\r\n' });
}

// ---------------------------------------------------------------------------------------------
// Postcodes

/** Brussels communes listed under their French name first in the data; the Dutch name wins. */
// prettier-ignore
const BRUSSELS_DUTCH = new Set([
  'Brussel', 'Laken', 'Schaarbeek', 'Etterbeek', 'Elsene', 'Sint-Gillis', 'Anderlecht',
  'Sint-Jans-Molenbeek', 'Koekelberg', 'Sint-Agatha-Berchem', 'Ganshoren', 'Jette', 'Neder-over-Heembeek',
  'Haren', 'Evere', 'Sint-Pieters-Woluwe', 'Oudergem', 'Watermaal-Bosvoorde', 'Ukkel', 'Vorst',
  'Sint-Lambrechts-Woluwe', 'Sint-Joost-ten-Node',
]);

/** Main Flemish municipalities: within a postcode their name is preferred over a deelgemeente's. */
// prettier-ignore
const MAIN_PLACES = new Set([
  'Aalst', 'Aalter', 'Aarschot', 'Antwerpen', 'Asse', 'Beringen', 'Beveren', 'Bilzen', 'Blankenberge',
  'Boom', 'Brasschaat', 'Brugge', 'Deinze', 'Dendermonde', 'Diest', 'Dilbeek', 'Eeklo', 'Geel', 'Genk',
  'Gent', 'Geraardsbergen', 'Grimbergen', 'Halle', 'Hamme', 'Harelbeke', 'Hasselt', 'Heist-op-den-Berg',
  'Herentals', 'Houthalen-Helchteren', 'Ieper', 'Izegem', 'Kapellen', 'Knokke-Heist', 'Kortrijk', 'Leuven',
  'Lier', 'Lokeren', 'Lommel', 'Maasmechelen', 'Mechelen', 'Menen', 'Mol', 'Mortsel', 'Ninove', 'Oostende',
  'Oudenaarde', 'Poperinge', 'Roeselare', 'Ronse', 'Schoten', 'Sint-Niklaas', 'Sint-Truiden', 'Temse',
  'Tielt', 'Tienen', 'Tongeren', 'Torhout', 'Turnhout', 'Vilvoorde', 'Waregem', 'Wetteren', 'Willebroek',
  'Zaventem', 'Zele', 'Zottegem', 'Zwevegem', 'Edegem', 'Kontich', 'Brecht', 'Essen', 'Kalmthout',
  'Hoogstraten', 'Westerlo', 'Herzele', 'Wevelgem', 'Diksmuide', 'Veurne', 'Koksijde', 'De Panne',
  'Nieuwpoort', 'Middelkerke', 'Bredene', 'Oudenburg', 'Gistel', 'Jabbeke', 'Zedelgem', 'Beernem',
  'Maldegem', 'Eeklo', 'Assenede', 'Evergem', 'Lochristi', 'Destelbergen', 'Merelbeke',
  'Sint-Martens-Latem', 'Nazareth', 'Lebbeke', 'Buggenhout', 'Wichelen', 'Berlare', 'Laarne', 'Kruibeke',
  'Stekene', 'Sint-Gillis-Waas', 'Bornem', 'Puurs', 'Duffel', 'Bonheiden', 'Keerbergen', 'Haacht',
  'Kampenhout', 'Zemst', 'Meise', 'Wemmel', 'Machelen', 'Kortenberg', 'Tervuren', 'Overijse', 'Hoeilaart',
  'Sint-Genesius-Rode', 'Beersel', 'Lennik', 'Ternat', 'Liedekerke', 'Affligem', 'Landen', 'Zoutleeuw',
  'Lubbeek', 'Rotselaar', 'Scherpenheuvel-Zichem', 'Tessenderlo', 'Lummen', 'Heusden-Zolder', 'Zonhoven',
  'Diepenbeek', 'Bree', 'Peer', 'Neerpelt', 'Hamont-Achel', 'Maaseik', 'Dilsen-Stokkem', 'Lanaken',
  'Riemst', 'Voeren', 'Borgloon', 'Herk-de-Stad', 'Leopoldsburg', 'Balen', 'Dessel', 'Retie', 'Arendonk',
  'Oostkamp', 'Wingene', 'Ruiselede', 'Lichtervelde', 'Kortemark', 'Hooglede', 'Staden', 'Moorslede',
  'Ledegem', 'Wervik', 'Heuvelland', 'Vleteren', 'Kuurne', 'Deerlijk', 'Anzegem', 'Avelgem',
  'Spiere-Helkijn', 'Wielsbeke',
]);

/** Dutch names of Walloon towns, preferred over the French ones when the data has both. */
// prettier-ignore
const DUTCH_EXONYMS = new Set([
  'Luik', 'Namen', 'Bergen', 'Doornik', 'Nijvel', 'Waver', 'Aarlen', 'Hoei', 'Moeskroen', 'Edingen', 'Aat',
  'Zinnik', 'Geldenaken', 'Komen', 'Lessen', 'Bastenaken',
]);

/**
 * Bigger places: how many times more teachers live in that postcode than in a typical village
 * one, and the place name to show. Rough, from population figures; Brussels is scaled down below.
 */
// prettier-ignore
const CITIES: readonly (readonly [code: number, boost: number, name: string])[] = [
  [2000, 5, 'Antwerpen'], [2018, 5, 'Antwerpen'], [2020, 4, 'Antwerpen'], [2030, 2, 'Antwerpen'],
  [2040, 1.5, 'Antwerpen'], [2050, 3, 'Antwerpen'], [2060, 4, 'Antwerpen'], [2100, 5, 'Deurne'],
  [2140, 4, 'Borgerhout'], [2170, 4, 'Merksem'], [2180, 3, 'Ekeren'], [2600, 4, 'Berchem'],
  [2610, 4, 'Wilrijk'], [2660, 4, 'Hoboken'], [9000, 10, 'Gent'], [9030, 2, 'Mariakerke'],
  [9031, 2, 'Drongen'], [9032, 1.5, 'Wondelgem'], [9040, 3, 'Sint-Amandsberg'], [9041, 2, 'Oostakker'],
  [9042, 1.5, 'Mendonk'], [9050, 3, 'Gentbrugge'], [9051, 2, 'Sint-Denijs-Westrem'],
  [9052, 2, 'Zwijnaarde'], [8000, 5, 'Brugge'], [8200, 4, 'Sint-Andries'], [8310, 3, 'Assebroek'],
  [8380, 2, 'Zeebrugge'], [3000, 6, 'Leuven'], [3001, 3, 'Heverlee'], [3010, 3, 'Kessel-Lo'],
  [3012, 2, 'Wilsele'], [3018, 2, 'Wijgmaal'], [2800, 8, 'Mechelen'], [9100, 7, 'Sint-Niklaas'],
  [3500, 7, 'Hasselt'], [3600, 6, 'Genk'], [8400, 6, 'Oostende'], [9300, 6, 'Aalst'],
  [8800, 5, 'Roeselare'], [8500, 5, 'Kortrijk'],
  // Centre towns.
  [2300, 4, 'Turnhout'], [2500, 4, 'Lier'], [2440, 4, 'Geel'], [2200, 3, 'Herentals'], [2400, 3, 'Mol'],
  [1800, 4, 'Vilvoorde'], [1500, 4, 'Halle'], [1700, 4, 'Dilbeek'], [8900, 3, 'Ieper'],
  [8790, 3, 'Waregem'], [3300, 3, 'Tienen'], [3800, 4, 'Sint-Truiden'], [3920, 3, 'Lommel'],
  [2220, 3, 'Heist-op-den-Berg'], [2930, 4, 'Brasschaat'], [2900, 3, 'Schoten'], [1930, 3, 'Zaventem'],
  [1730, 3, 'Asse'], [9400, 3, 'Ninove'], [9230, 3, 'Wetteren'], [9800, 3, 'Deinze'], [9160, 3, 'Lokeren'],
  [9200, 3, 'Dendermonde'], [9120, 3, 'Beveren'], [3630, 3, 'Maasmechelen'], [3700, 3, 'Tongeren'],
  [3580, 3, 'Beringen'], [9700, 3, 'Oudenaarde'], [9900, 3, 'Eeklo'], [3290, 2, 'Diest'],
  [3200, 2, 'Aarschot'], [8530, 3, 'Harelbeke'], [8930, 3, 'Menen'], [8300, 3, 'Knokke-Heist'],
  [9240, 2, 'Zele'], [9220, 2, 'Hamme'], [9140, 2, 'Temse'], [2950, 2, 'Kapellen'], [2640, 3, 'Mortsel'],
  [2650, 2, 'Edegem'], [2850, 2, 'Boom'], [2830, 2, 'Willebroek'], [1850, 3, 'Grimbergen'],
  [8700, 2, 'Tielt'], [9600, 2, 'Ronse'], [9620, 2, 'Zottegem'], [9500, 2, 'Geraardsbergen'],
];

/** Brussels codes 1000–1210 are big (about 60,000 inhabitants each). */
const BRUSSELS_BOOST = 5;

const NON_GEOGRAPHIC =
  /\b(Conseil|Raad|Parlement|Chambre|S[eé]nat|Cit[eé]|Organisations|Press|Commission|Commiss|OTAN|NATO|SPF|FOD|Postcheque|Minist[eè]re|Ministerie)\b|\.|^[A-Z][A-Z -]+$/;

function regionWeight(n: number): number {
  if (n < 1300) return 0.3; // Brussels: many teachers of Flemish schools, but a French-speaking majority
  if (n < 1500 || (n >= 4000 && n < 8000)) return 0.02; // Wallonia: few teachers of the Flemish community
  return 1;
}

function frenchLooking(name: string): number {
  let score = 0;
  if (/[éèêàâçîôûù]/i.test(name)) score++;
  if (/\b(Saint|Sainte|Ste|St|Le|La|Les|Lez|Sur|Sous|Aux|Du|Des)\b/i.test(name)) score++;
  if (/(elles|ette|i[eè]re|ois|eau|aux|oux|ville|mont|court|fontaine|bois|ge)$/i.test(name)) score++;
  return score;
}

function dutchLooking(name: string): number {
  let score = 0;
  if (/\b(Sint|Onze-Lieve-Vrouw)\b/.test(name)) score++;
  if (/(aa|ee|oo|uu|ij|ui|oe)/i.test(name)) score++;
  if (
    /(gem|hem|beek|berg|rode|hout|dorp|kerke|kerken|zele|veld|hove|donk|dijk|brugge|aarde|laar|zaal|meer|loo|wijk|voorde|heide|hoven|rijk|lare)$/i.test(
      name,
    )
  )
    score++;
  return score;
}

/** The name to show for a postcode: Dutch for Brussels, the main town, else the most Dutch-looking. */
function choosePlace(names: readonly string[], city: string | undefined): string {
  if (city !== undefined && names.includes(city)) return city;
  const dutch = names.find((n) => BRUSSELS_DUTCH.has(n) || DUTCH_EXONYMS.has(n));
  if (dutch) return dutch;
  const main = names.find((n) => MAIN_PLACES.has(n));
  if (main) return main;
  let best = names[0] ?? '';
  let bestScore = -Infinity;
  for (const name of names) {
    const score = dutchLooking(name) - 2 * frenchLooking(name);
    if (score > bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Postcodes weighted like where teachers of the Flemish community live, from assets/be-postcodes.csv
 * (`postcode;plaats;lat;lon`, several rows per postcode). The file has no population column, so big
 * cities and merged municipalities (many places under one postcode) weigh more, Flanders far more
 * than Wallonia; institutional codes (parliaments, broadcasters) are skipped.
 */
export function loadPostcodeWeights(csvText: string): PostcodeWeight[] {
  const cities = new Map(CITIES.map(([code, boost, name]) => [code, { boost, name }]));

  // Places per postcode in file order, each with its own centroid.
  const byPostcode = new Map<string, { name: string; lat: number; lon: number }[]>();
  const lines = csvText.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || (index === 0 && /^postcode;/i.test(line))) continue;
    const [postcode = '', name = '', lat = '', lon = ''] = line.split(';').map((f) => f.trim());
    if (!/^[1-9]\d{3}$/.test(postcode) || name === '' || NON_GEOGRAPHIC.test(name)) continue;
    if (lat === '' || lon === '' || !Number.isFinite(Number(lat)) || !Number.isFinite(Number(lon))) continue;
    const places = byPostcode.get(postcode) ?? [];
    places.push({ name, lat: Number(lat), lon: Number(lon) });
    byPostcode.set(postcode, places);
  }

  const result: PostcodeWeight[] = [];
  for (const [postcode, places] of byPostcode) {
    const n = Number(postcode);
    const city = cities.get(n);
    const plaats = choosePlace(
      places.map((p) => p.name),
      city?.name,
    );
    const first = places[0];
    if (!first) continue;
    // The chosen place's own centroid, unless the data puts it implausibly far from the first one.
    const own = places.find((p) => p.name === plaats);
    const at = own && Math.abs(own.lat - first.lat) + Math.abs(own.lon - first.lon) < 0.3 ? own : first;
    let size: number;
    if (city) size = city.boost;
    else if (n >= 1000 && n <= 1210) size = BRUSSELS_BOOST;
    // Merged municipalities (many places under one postcode) house more people.
    else size = Math.min(2.5, 1 + 0.2 * (places.length - 1)) * (MAIN_PLACES.has(plaats) ? 1.3 : 1);
    result.push({ postcode, plaats, lat: at.lat, lon: at.lon, weight: regionWeight(n) * size });
  }
  return result.sort((a, b) => a.postcode.localeCompare(b.postcode));
}

/** The postcodes a point serves (points.csv ranges); all of them when the point has none listed. */
export function postcodesOfPoint(
  weights: readonly PostcodeWeight[],
  ranges: readonly PostcodeRange[],
): PostcodeWeight[] {
  if (ranges.length === 0) return [...weights];
  return weights.filter((w) => {
    const n = Number(w.postcode);
    return ranges.some((r) => n >= r.from && n <= r.to);
  });
}

// ---------------------------------------------------------------------------------------------
// Packages

export interface DemoPackageOptions {
  pointId: string;
  pointName: string;
  count: number;
  seed: number;
  /** Issuer key (PEM); null makes an unsigned package (to demonstrate the override). */
  privateKeyPem: string | null;
  postcodes: readonly PostcodeWeight[];
  availableFrom: string;
  availableUntil: string;
  cardYear: number;
  batchId?: string;
  /** First card serial; default `<2-digit card year>00000001`, the fixtures' style. */
  firstSerial?: number;
  revokedShare?: number;
  pointsCsv?: Uint8Array;
}

/** A complete signed demo package (.lkb bytes) for one point; 200,000 cards take a second or two. */
export function demoPackageFor(options: DemoPackageOptions): Uint8Array {
  const firstSerial = options.firstSerial ?? (options.cardYear % 100) * 100_000_000 + 1;
  const records = generateDemoCards({
    count: options.count,
    seed: options.seed,
    postcodes: options.postcodes,
    firstSerial,
    ...(options.revokedShare === undefined ? {} : { revokedShare: options.revokedShare }),
  });
  const cardsCsv = new TextEncoder().encode(demoCardsCsv(records));
  // Issued about six weeks before distribution starts, at 09:30 or 10:30 Brussels time.
  const issuedAt = brusselsIso(new Date(`${addDays(options.availableFrom, -45)}T08:30:00Z`));
  return writeBatchPackage({
    manifest: {
      batchId: options.batchId ?? `${options.cardYear}-${options.pointId}-01`,
      pointId: options.pointId,
      pointName: options.pointName,
      cardYear: options.cardYear,
      issuedAt,
      availableFrom: options.availableFrom,
      availableUntil: options.availableUntil,
    },
    cardsCsv,
    ...(options.pointsCsv ? { pointsCsv: options.pointsCsv } : {}),
    privateKeyPem: options.privateKeyPem,
  });
}
