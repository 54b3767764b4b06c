import { escapeHtml } from '../desk/receipt';
import type { Province } from '../domain/postcode';
import { FLEMISH_PROVINCES, frameAround, type PostcodeCell, type PostcodeCellMap } from './postcodeCells';
import type { RateScale } from './rateScale';

/** Counts of one area (a postcode or a province). */
export interface AreaCounts {
  cards: number;
  collected: number;
}

export interface MapSvgOptions {
  map: PostcodeCellMap;
  scale: RateScale;
  /** The accessible name of the picture (the tables next to it carry the numbers too). */
  label: string;
  /** Tooltip of an area, e.g. `9000 Gent: 120 van 200 afgehaald (60,0%)`. */
  describe(key: string, name: string, counts: AreaCounts): string;
  /** `data-testid` on the svg, so tests find this map among several. */
  testId?: string;
}

const ratio = (c: AreaCounts) => (c.cards === 0 ? 0 : c.collected / c.cards);

function svgOpen(viewBox: string, label: string, testId: string | undefined): string {
  const test = testId ? ` data-testid="${escapeHtml(testId)}"` : '';
  return `<svg class="be-map" viewBox="${viewBox}" role="img" aria-label="${escapeHtml(label)}"${test}>`;
}

function bordersAndOutline(map: PostcodeCellMap): string {
  const borders = map.provinces
    .map(
      (p) =>
        `<path class="be-map-border" d="${p.border}" fill="none" stroke="#333" stroke-width="1" vector-effect="non-scaling-stroke"/>`,
    )
    .join('');
  return `${borders}<path class="be-map-outline" d="${map.outline}" fill="none" stroke="#222" stroke-width="1.4" vector-effect="non-scaling-stroke"/>`;
}

/**
 * Belgium by postcode: each postcode with counts filled by its rate (a tooltip with the numbers),
 * the others light grey. `zoom` frames the postcodes with counts and fades the rest of Flanders
 * around them (the desk's own area); without it the whole country shows (the issuer's view).
 */
export function postcodeMapSvg(
  options: MapSvgOptions & { counts: ReadonlyMap<string, AreaCounts>; zoom?: boolean },
): string {
  const { map, counts, scale } = options;
  const served = map.cells.filter((c) => counts.has(c.postcode));
  const frame = options.zoom
    ? frameAround(map, served)
    : { x: 0, y: 0, width: map.width, height: map.height };
  const area = (cell: PostcodeCell) => {
    const c = counts.get(cell.postcode);
    if (!c) {
      const faint = options.zoom && !FLEMISH_PROVINCES.has(cell.province) ? '#f4f4f4' : '#e6e6e6';
      return `<path d="${cell.d}" fill="${faint}" stroke="#fff" stroke-width="0.3" vector-effect="non-scaling-stroke"/>`;
    }
    const title = escapeHtml(options.describe(cell.postcode, cell.plaats, c));
    return `<path class="be-map-area" data-postcode="${escapeHtml(cell.postcode)}" d="${cell.d}" fill="${scale.colourOf(ratio(c))}" stroke="#fff" stroke-width="0.6" vector-effect="non-scaling-stroke"><title>${title}</title></path>`;
  };
  const viewBox = `${frame.x} ${frame.y} ${frame.width} ${frame.height}`;
  return `${svgOpen(viewBox, options.label, options.testId)}${map.cells.map(area).join('')}${bordersAndOutline(map)}</svg>`;
}

/** Belgium by province: each province (the union of its cells) filled by its rate. */
export function provinceMapSvg(
  options: MapSvgOptions & { counts: ReadonlyMap<Province, AreaCounts> },
): string {
  const { map, counts, scale } = options;
  const byProvince = new Map<Province, string[]>();
  for (const cell of map.cells)
    byProvince.set(cell.province, [...(byProvince.get(cell.province) ?? []), cell.d]);
  const areas = [...byProvince.entries()].map(([province, paths]) => {
    const c = counts.get(province);
    if (!c) return `<path d="${paths.join('')}" fill="#e6e6e6"/>`;
    const title = escapeHtml(options.describe(province, province, c));
    return `<path class="be-map-area" data-province="${escapeHtml(province)}" d="${paths.join('')}" fill="${scale.colourOf(ratio(c))}"><title>${title}</title></path>`;
  });
  return `${svgOpen(`0 0 ${map.width} ${map.height}`, options.label, options.testId)}${areas.join('')}${bordersAndOutline(map)}</svg>`;
}

/** The legend of a rate scale as HTML: swatches (SVG, so they print without background graphics) with their ranges. */
export function legendHtml(
  scale: RateScale,
  title: string,
  range: (from: number, to: number, last: boolean) => string,
): string {
  const items = scale.classes
    .map(
      (c, i) =>
        `<li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill="${c.colour}"/></svg>${escapeHtml(range(Math.round(c.from * 100), Math.round(c.to * 100), i === scale.classes.length - 1))}</li>`,
    )
    .join('');
  return `<div class="legend"><p>${escapeHtml(title)}</p><ul>${items}</ul></div>`;
}
