import fs from 'node:fs';
import path from 'node:path';
import { brusselsDate } from '../../shared/time/brussels';
import { ASSETS_DIR } from '../platform/paths';

export const DEMO_ISSUER_KEY_FILE = path.join(ASSETS_DIR, 'demo-keys', 'issuer-test.key.pem');
export const DEMO_ISSUER_PUB_FILE = path.join(ASSETS_DIR, 'demo-keys', 'issuer-test.pub.pem');
export const DEMO_POINTS_FILE = path.join(ASSETS_DIR, 'demo-points.csv');

export function readAsset(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/**
 * The card year being distributed on a given day: cards for year N are handed out from the autumn
 * of N-1 until 30 June of N.
 */
export function demoCardYear(now: Date): number {
  const [year, month] = brusselsDate(now).split('-').map(Number) as [number, number];
  return month >= 7 ? year + 1 : year;
}

export function demoPeriod(cardYear: number): { availableFrom: string; availableUntil: string } {
  return { availableFrom: `${cardYear - 1}-11-01`, availableUntil: `${cardYear}-06-30` };
}
