import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  POSTCODE_CELLS_SOURCE,
  buildPostcodeCells,
  clipToConvex,
  insideRings,
  postcodeSites,
  provinceEdges,
  serialiseCells,
  signedArea,
} from '../../../scripts/postcodeMap/buildPostcodeCells';
import { PROVINCES, provinceOfPostcode } from '../../../src/shared/domain/postcode';

const csv = readFileSync('assets/be-postcodes.csv', 'utf8');
const topology = JSON.parse(readFileSync('node_modules/world-atlas/countries-10m.json', 'utf8'));
const built = buildPostcodeCells(csv, topology, POSTCODE_CELLS_SOURCE);
const postcodesInData = new Set(
  csv
    .split('\n')
    .slice(1)
    .map((line) => line.split(';')[0])
    .filter((pc): pc is string => !!pc),
);

describe('the postcode cells', () => {
  it('the committed asset is a fresh build (run scripts/make-postcode-map.ts after changing a source)', () => {
    expect(readFileSync('assets/be-postcode-cells.json', 'utf8')).toBe(serialiseCells(built.map));
  });

  it('gives every postcode of the data exactly one cell, with area', () => {
    const postcodes = built.map.cells.map((c) => c.postcode);
    expect(new Set(postcodes).size).toBe(postcodes.length);
    expect(new Set(postcodes)).toEqual(postcodesInData);
    expect(postcodes.length).toBe(1174);
    for (const cell of built.map.cells) {
      const area = (built.rings.get(cell.postcode) ?? []).reduce(
        (sum, r) => sum + Math.abs(signedArea(r)),
        0,
      );
      expect(area, cell.postcode).toBeGreaterThan(0);
      expect(cell.d).toMatch(/^M[\d. L]+Z/);
    }
  });

  it('places every cell inside Belgium’s bounding box, and the cells tile the outline', () => {
    for (const [postcode, rings] of built.rings)
      for (const p of rings.flat()) {
        const lonLat = built.invert(p);
        expect(lonLat, postcode).not.toBeNull();
        const [lon, lat] = lonLat ?? [0, 0];
        expect(lon).toBeGreaterThan(2.5);
        expect(lon).toBeLessThan(6.45);
        expect(lat).toBeGreaterThan(49.45);
        expect(lat).toBeLessThan(51.55);
      }
    const cellsArea = [...built.rings.values()].flat().reduce((s, r) => s + Math.abs(signedArea(r)), 0);
    const outline = built.map.outline
      .split('Z')
      .filter(Boolean)
      .map((ring) =>
        ring
          .slice(1)
          .split('L')
          .map((xy) => xy.split(' ').map(Number) as [number, number]),
      );
    const outlineArea = outline.reduce((s, r) => s + Math.abs(signedArea(r)), 0);
    // Rounding to 0.1 and the few whole cells kept for sites off the outline: within half a percent.
    expect(Math.abs(cellsArea - outlineArea) / outlineArea).toBeLessThan(0.005);
  });

  it('uses the mean of a postcode’s places and spreads sites on one spot apart', () => {
    const sites = postcodeSites('postcode;plaats;lat;lon\n9000;Gent;51.0;3.7\n9000;Gent Centrum;51.2;3.9\n');
    expect(sites).toEqual([{ postcode: '9000', plaats: 'Gent', lat: 51.1, lon: 3.8 }]);
    const spots = [...built.sites.values()].map(([x, y]) => `${x} ${y}`);
    expect(new Set(spots).size).toBe(spots.length);
  });

  it('makes each province the union of the cells of its postcode range', () => {
    for (const cell of built.map.cells) expect(cell.province).toBe(provinceOfPostcode(cell.postcode));
    expect(built.map.provinces.map((p) => p.province).sort()).toEqual([...PROVINCES].sort());
    for (const p of built.map.provinces) expect(p.border).toMatch(/^M/);
    // Two squares side by side: the shared edge cancels, the six outer edges stay.
    const left: [number, number][] = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ];
    const right: [number, number][] = [
      [1, 0],
      [2, 0],
      [2, 1],
      [1, 1],
    ];
    const edges = provinceEdges([left, right]);
    expect(edges).toHaveLength(6);
    expect(edges.some(([a, b]) => a[0] === 1 && b[0] === 1)).toBe(false);
  });

  it('clips a concave outline to a convex cell', () => {
    const u: [number, number][] = [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
    ];
    const box: [number, number][] = [
      [0, 0],
      [3, 0],
      [3, 2],
      [0, 2],
    ];
    expect(Math.abs(signedArea(clipToConvex(u, box)))).toBeCloseTo(3 + 2, 9); // 3×1 base + two 1×1 legs
    expect(insideRings([0.5, 2.5], [u])).toBe(true);
    expect(insideRings([1.5, 2.5], [u])).toBe(false);
  });
});
