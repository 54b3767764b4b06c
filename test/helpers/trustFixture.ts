import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { makeCardNumber } from '../../src/shared/domain/cardNumber';
import { runCli, type CliRun } from './cli';
import { CARDS_HEADER, makeTestPackage } from './packages';
import { fixture, tempDir } from './store';

export const PIN = '482916';

/** A point set up from the command line: init, the 2027 package, an admin PIN, a staff list. */
export interface TrustPoint {
  dir: string;
  db: string;
  keysDir: string;
  cli(at: string, ...argv: string[]): Promise<CliRun>;
}

export async function setUpPoint(
  at = '2026-12-02T09:30:00Z',
  options: { importPackage?: boolean } = {},
): Promise<TrustPoint> {
  const dir = tempDir('balie-trust-');
  const db = path.join(dir, 'balie.sqlite');
  const keysDir = path.join(dir, 'issuer-keys');
  fs.mkdirSync(keysDir);
  const cli = (when: string, ...argv: string[]) => runCli(['--db', db, ...argv], when);
  const steps: string[][] = [
    ['init', '--point', 'BIB-GENT', '--name', 'De Krook', '--issuer-key', fixture('issuer-test.pub.pem')],
    ['admin-pin', '--new', PIN],
    ['import', fixture('gent-small.lkb'), '--admin-pin', PIN],
    ['settings', '--staff', 'Sofie,Jonas', '--admin-pin', PIN],
  ];
  for (const argv of options.importPackage === false ? steps.filter((s) => s[0] !== 'import') : steps) {
    const run = await cli(at, ...argv);
    expect(run.code, `${argv[0]}: ${run.err}`).toBe(0);
  }
  return { dir, db, keysDir, cli };
}

/** Waiting card numbers of the point, from `search --json`. */
export async function waitingCards(point: TrustPoint, at: string, query = '9000'): Promise<string[]> {
  const run = await point.cli(at, 'search', query, '--json', '--limit', '200');
  expect(run.code, run.err).toBe(0);
  return (JSON.parse(run.out) as { card: string; status: string }[])
    .filter((c) => c.status === 'waiting')
    .map((c) => c.card);
}

export async function handOut(point: TrustPoint, at: string, card: string): Promise<void> {
  const run = await point.cli(at, 'handout', card, '--staff', 'Sofie', '--id-checked');
  expect(run.code, run.err).toBe(0);
}

export async function report(point: TrustPoint, at: string, name: string): Promise<string> {
  const file = path.join(point.dir, name);
  const run = await point.cli(at, 'report', '--out', file);
  expect(run.code, run.err).toBe(0);
  return file;
}

/** Enrols the point's current key with the issuer under the name `keys` suggests. */
export async function enrol(point: TrustPoint, at: string): Promise<string> {
  const exported = path.join(point.dir, 'export.pub.pem');
  const run = await point.cli(at, 'keys', '--export', exported);
  expect(run.code, run.err).toBe(0);
  const name = /Naam bij de uitgever: (\S+)/.exec(run.out)?.[1];
  if (name === undefined) throw new Error(`keys gave no enrolment name: ${run.out}`);
  fs.copyFileSync(exported, path.join(point.keysDir, name));
  return name;
}

/** The signed payload of a report file (for asserting what the issuer receives). */
export function payloadOf(file: string): Record<string, unknown> & {
  sequence: number;
  cardYear: number;
  audit: { epoch: number; seq: number; head: string; started?: { reason: string } };
} {
  const envelope = JSON.parse(fs.readFileSync(file, 'utf8')) as { payload: string };
  return JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
}

/** A signed 2028 package for BIB-GENT with `n` fresh cards in 9000 Gent. */
export function package2028(dir: string, n = 5): string {
  const rows = Array.from({ length: n }, (_, i) =>
    [
      makeCardNumber(2_800_000_001 + i),
      String(60_000_000_001 + i * 7),
      'Nieuw',
      `Leraar ${i}`,
      '9000',
      'Gent',
      '',
      '',
    ].join(';'),
  );
  const bytes = makeTestPackage({
    cardYear: 2028,
    batchId: '2028-BIB-GENT-01',
    issuedAt: '2027-10-15T09:30:00+02:00',
    availableFrom: '2027-11-01',
    availableUntil: '2028-06-30',
    cardsCsv: [CARDS_HEADER, ...rows, ''].join('\r\n'),
  });
  const file = path.join(dir, '2028-BIB-GENT-01.lkb');
  fs.writeFileSync(file, bytes);
  return file;
}

export function issuer(
  point: TrustPoint,
  command: 'verify' | 'aggregate',
  ...argv: string[]
): Promise<CliRun> {
  return runCli([command, '--keys', point.keysDir, ...argv]);
}
