import fs from 'node:fs';
import { parseCsv } from '../../shared/csv/parseCsv';

export interface PostcodePlace {
  plaats: string;
  lat: number;
  lon: number;
}

/** First place per postcode from assets/be-postcodes.csv (postcode;plaats;lat;lon), read once. */
export function loadPostcodePlaces(file: string): Map<string, PostcodePlace> {
  const parsed = parseCsv(fs.readFileSync(file, 'utf8'), 'be-postcodes.csv');
  const places = new Map<string, PostcodePlace>();
  for (const record of parsed.records) {
    const [postcode, plaats, lat, lon] = record.fields;
    if (!postcode || !plaats || places.has(postcode)) continue;
    const latitude = Number(lat);
    const longitude = Number(lon);
    if (Number.isFinite(latitude) && Number.isFinite(longitude))
      places.set(postcode, { plaats, lat: latitude, lon: longitude });
  }
  return places;
}
