/**
 * Builds the packages that measure the import's memory (docs/import.md), signed with the test key:
 *   node --import tsx scripts/make-hostile-packages.ts OUT_DIR
 * big-1m-180mb.lkb   1,000,000 valid cards, cards.csv ≈ 180 MB (the largest the row cap allows)
 * big-quote.lkb      cards.csv of ≈ 180 MB that opens a quote and never closes it
 * cards-200k.lkb     200,000 cards of a real size
 * stored-190mb.lkb   1,000,000 valid cards, cards.csv ≈ 190 MiB STORED (method 0): a ≈ 190 MiB file
 * deflated-190mb.lkb the same cards.csv deflated
 * bomb-overlap.lkb   four names pointing at one 200 MiB stream of zeros (central directory lies)
 * bomb-lying.lkb     signed manifest, cards.csv declared 1 MiB but inflating to 200 MiB
 */
import fs from 'node:fs';
import path from 'node:path';
import { deflateSync, zipSync } from 'fflate';
import { loadPrivateKey, sha256Hex, signEd25519 } from '../src/main/platform/crypto/ed25519';
import { makeCardNumber } from '../src/shared/domain/cardNumber';

const out = process.argv[2] ?? '/tmp/hostile';
fs.mkdirSync(out, { recursive: true });
const keyPem = fs.readFileSync(
  path.join(import.meta.dirname, '../test/fixtures/issuer-test.key.pem'),
  'utf8',
);
const key = loadPrivateKey(keyPem);
if (!key.ok) throw new Error('test key unreadable');
const privateKey = key.value;
const HEADER =
  'kaartnummer;stamboeknummer;voornaam;achternaam;postcode;gemeente;instellingsnummer;status\r\n';

function cardsCsv(rows: number, padTo: number): Uint8Array {
  const parts: string[] = [HEADER];
  for (let i = 0; i < rows; i++) {
    const line = `${makeCardNumber(2_700_000_000 + i)};${String(10_000_000_000 + i)};Voornaam${i};Achternaam ${i % 977};${1000 + (i % 9000)};Gemeente`;
    const pad = Math.max(0, padTo - line.length - 10);
    parts.push(`${line}${'x'.repeat(pad)};${String(i % 100000).padStart(6, '0')};\r\n`);
  }
  return new TextEncoder().encode(parts.join(''));
}

function manifestFor(batchId: string, files: Record<string, { sha256: string; rows: number }>): Uint8Array {
  const manifest = {
    format: 'lerarenkaart-batch/1',
    batchId,
    pointId: 'BIB-GENT',
    pointName: 'Testbibliotheek',
    cardYear: 2027,
    issuedAt: '2026-10-15T09:30:00+02:00',
    availableFrom: '2026-11-01',
    availableUntil: '2027-06-30',
    files,
  };
  return new TextEncoder().encode(JSON.stringify(manifest, null, 2));
}

function signed(manifest: Uint8Array): Uint8Array {
  return new TextEncoder().encode(Buffer.from(signEd25519(privateKey, manifest)).toString('base64') + '\n');
}

function write(name: string, bytes: Uint8Array): void {
  fs.writeFileSync(path.join(out, name), bytes);
  console.log(`${name}: ${(bytes.length / 1024).toFixed(0)} KB`);
}

function pack(batchId: string, csv: Uint8Array, rows: number, level: 0 | 6 = 6): Uint8Array {
  const manifest = manifestFor(batchId, { 'cards.csv': { sha256: sha256Hex(csv), rows } });
  return zipSync({
    'manifest.json': manifest,
    'manifest.sig': signed(manifest),
    'cards.csv': [csv, { level }],
  });
}

write('cards-200k.lkb', pack('2027-BIB-GENT-200K', cardsCsv(200_000, 90), 200_000));
write('big-1m-180mb.lkb', pack('2027-BIB-GENT-1M', cardsCsv(1_000_000, 180), 1_000_000));
{
  // The largest the spec and the row cap allow together: 1,000,000 rows of 199 bytes ≈ 190 MiB.
  const csv = cardsCsv(1_000_000, 199);
  write('stored-190mb.lkb', pack('2027-BIB-GENT-STORED', csv, 1_000_000, 0));
  write('deflated-190mb.lkb', pack('2027-BIB-GENT-DEFLATED', csv, 1_000_000));
}

{
  const body = new Uint8Array(180 * 1024 * 1024).fill(0x61);
  const head = new TextEncoder().encode(`${HEADER}"`);
  const csv = new Uint8Array(head.length + body.length);
  csv.set(head);
  csv.set(body, head.length);
  write('big-quote.lkb', pack('2027-BIB-GENT-QUOTE', csv, 1));
}

/** A hand-written ZIP: each entry given as name, local header offset and the sizes to declare. */
function craftedZip(
  blobs: Uint8Array[],
  central: { name: string; offset: number; csize: number; usize: number; method: number }[],
): Uint8Array {
  const parts: Uint8Array[] = [...blobs];
  const cdStart = blobs.reduce((n, b) => n + b.length, 0);
  for (const e of central) {
    const name = new TextEncoder().encode(e.name);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(10, e.method, true);
    cd.setUint32(20, e.csize, true);
    cd.setUint32(24, e.usize, true);
    cd.setUint16(28, name.length, true);
    cd.setUint32(42, e.offset, true);
    parts.push(new Uint8Array(cd.buffer), name);
  }
  const cdSize = parts.slice(blobs.length).reduce((n, b) => n + b.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, central.length, true);
  end.setUint16(10, central.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, cdStart, true);
  parts.push(new Uint8Array(end.buffer));
  const total = parts.reduce((n, b) => n + b.length, 0);
  const zip = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    zip.set(p, at);
    at += p.length;
  }
  return zip;
}

function localHeader(name: string, method: number, csize: number, usize: number): Uint8Array {
  const n = new TextEncoder().encode(name);
  const h = new DataView(new ArrayBuffer(30));
  h.setUint32(0, 0x04034b50, true);
  h.setUint16(4, 20, true);
  h.setUint16(8, method, true);
  h.setUint32(18, csize, true);
  h.setUint32(22, usize, true);
  h.setUint16(26, n.length, true);
  const out = new Uint8Array(30 + n.length);
  out.set(new Uint8Array(h.buffer));
  out.set(n, 30);
  return out;
}

{
  const zeros = deflateSync(new Uint8Array(200 * 1024 * 1024), { level: 9 });
  const header = localHeader('cards.csv', 8, zeros.length, 2_000_000);
  const names = ['manifest.json', 'manifest.sig', 'cards.csv', 'points.csv'];
  write(
    'bomb-overlap.lkb',
    craftedZip(
      [header, zeros],
      names.map((name) => ({ name, offset: 0, csize: zeros.length * 10, usize: 2_000_000, method: 8 })),
    ),
  );
}

{
  // Declared 1 MiB (ratio under 100:1), really 200 MiB; listed with that 1 MiB's hash, so only
  // the capped inflater can tell.
  const big = new Uint8Array(200 * 1024 * 1024).fill(0x41);
  const stream = deflateSync(big, { level: 9 });
  const declared = Math.min(1024 * 1024, stream.length * 90);
  const manifest = manifestFor('2027-BIB-GENT-LYING', {
    'cards.csv': { sha256: sha256Hex(big.subarray(0, declared)), rows: 0 },
  });
  const sig = signed(manifest);
  const blobs: Uint8Array[] = [];
  const central: { name: string; offset: number; csize: number; usize: number; method: number }[] = [];
  let offset = 0;
  for (const [name, data, method, usize] of [
    ['manifest.json', manifest, 0, manifest.length],
    ['manifest.sig', sig, 0, sig.length],
    ['cards.csv', stream, 8, declared],
  ] as const) {
    const header = localHeader(name, method, data.length, usize);
    blobs.push(header, data);
    central.push({ name, offset, csize: data.length, usize, method });
    offset += header.length + data.length;
  }
  write('bomb-lying.lkb', craftedZip(blobs, central));
}
