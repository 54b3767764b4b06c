import type { PostcodeRange } from '../domain/pointsDirectory';

/** Validated rows of a batch package, as the importer applies them. */
export type IssuerStatus = 'beschikbaar' | 'ingetrokken';

export interface CardRow {
  /** Physical line in cards.csv, for messages. */
  line: number;
  /** 12 digits, check digit verified. */
  card: string;
  /** 11 digits, already left-padded when a spreadsheet dropped zeros. */
  stamboeknummer: string;
  voornaam: string;
  achternaam: string;
  /** 4 digits, 1000-9999. */
  postcode: string;
  gemeente: string | null;
  /** instellingsnummer: the school's number, digits as given (leading zeros kept). */
  school: string | null;
  status: IssuerStatus;
}

export interface PointRow {
  line: number;
  pointId: string;
  naam: string;
  adres: string;
  postcodes: PostcodeRange[];
  openingsuren: string;
  /** Last day of distribution at that point, `YYYY-MM-DD`, or null when not given. */
  tot: string | null;
}
