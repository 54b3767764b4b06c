import { describe, expect, it } from 'vitest';
import { loadPostcodeCells } from '../../../../src/main/platform/postcodeCells';
import { postcodeMapSvg, provinceMapSvg } from '../../../../src/shared/map/mapSvg';
import { frameAround } from '../../../../src/shared/map/postcodeCells';
import { rateScale } from '../../../../src/shared/map/rateScale';

const map = loadPostcodeCells();
const cell = (pc: string) => {
  const found = map.cells.find((c) => c.postcode === pc);
  if (!found) throw new Error(pc);
  return found;
};

describe('the map as SVG', () => {
  it('frames a few postcodes closely, padded, in the map’s bounds and at the asked shape', () => {
    const gent = [cell('9000'), cell('9050')];
    const frame = frameAround(map, gent, 0.3, 90, 1.3);
    for (const c of gent) {
      expect(c.box[0]).toBeGreaterThanOrEqual(frame.x);
      expect(c.box[2]).toBeLessThanOrEqual(frame.x + frame.width);
      expect(c.box[1]).toBeGreaterThanOrEqual(frame.y);
      expect(c.box[3]).toBeLessThanOrEqual(frame.y + frame.height);
    }
    expect(frame.width).toBeLessThan(map.width / 4);
    expect(frame.width / frame.height).toBeCloseTo(1.3, 1);
    // Far apart (Oostende and Arlon): the frame grows but never leaves the map.
    const wide = frameAround(map, [cell('8400'), cell('6700')]);
    expect(wide.x).toBeGreaterThanOrEqual(0);
    expect(wide.y).toBeGreaterThanOrEqual(0);
    expect(wide.x + wide.width).toBeLessThanOrEqual(map.width + 0.1);
    expect(wide.y + wide.height).toBeLessThanOrEqual(map.height + 0.1);
  });

  it('fills only the postcodes with counts, by their rate, and escapes the tooltip', () => {
    const svg = postcodeMapSvg({
      map,
      counts: new Map([
        ['9000', { cards: 10, collected: 0 }],
        ['9050', { cards: 10, collected: 10 }],
      ]),
      scale: rateScale(1),
      label: 'Kaart <1>',
      describe: (key, name) => `${key} ${name} <b>`,
      zoom: true,
    });
    expect(svg.match(/class="be-map-area"/g)).toHaveLength(2);
    expect(svg).toMatch(/data-postcode="9000" d="[^"]+" fill="#440154"/);
    expect(svg).toMatch(/data-postcode="9050" d="[^"]+" fill="#fde725"/);
    expect(svg).toContain('<title>9000 Gent &lt;b&gt;</title>');
    expect(svg).toContain('aria-label="Kaart &lt;1&gt;"');
    expect(svg.match(/<path d=/g)).toHaveLength(map.cells.length - 2); // the others, faint
    expect(svg).toMatch(/viewBox="[\d.]+ [\d.]+ [\d.]+ [\d.]+"/);
  });

  it('draws a province as one area made of all its cells', () => {
    const svg = provinceMapSvg({
      map,
      counts: new Map([['Limburg', { cards: 4, collected: 1 }]]),
      scale: rateScale(1),
      label: 'Provincies',
      describe: (key) => key,
    });
    const limburg = svg.match(/data-province="Limburg" d="([^"]+)"/)?.[1] ?? '';
    const cells = map.cells.filter((c) => c.province === 'Limburg');
    expect(limburg).toBe(cells.map((c) => c.d).join(''));
    expect(svg.match(/class="be-map-area"/g)).toHaveLength(1);
  });
});
