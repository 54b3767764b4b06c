/**
 * Writes assets/be-postcode-cells.json: the Voronoi cells of the postcodes in
 * assets/be-postcodes.csv, clipped to Natural Earth's outline of Belgium (world-atlas
 * countries-10m), projected once. Run after changing either source:
 *   scripts/bootstrap node --import tsx scripts/make-postcode-map.ts
 * test/unit/scripts/buildPostcodeCells.test.ts fails when the committed file is not a fresh build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { POSTCODE_CELLS_SOURCE, buildPostcodeCells, serialiseCells } from './postcodeMap/buildPostcodeCells';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = process.hrtime.bigint();
const built = buildPostcodeCells(
  readFileSync(path.join(root, 'assets/be-postcodes.csv'), 'utf8'),
  JSON.parse(readFileSync(path.join(root, 'node_modules/world-atlas/countries-10m.json'), 'utf8')),
  POSTCODE_CELLS_SOURCE,
);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const text = serialiseCells(built.map);
const out = path.join(root, 'assets/be-postcode-cells.json');
writeFileSync(out, text);
console.log(
  `${built.map.cells.length} cells, ${(text.length / 1024).toFixed(0)} KiB, built in ${ms.toFixed(0)} ms → ${path.relative(root, out)}`,
);
