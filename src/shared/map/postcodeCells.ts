import type { Province } from '../domain/postcode';

/**
 * The precomputed map of Belgium (assets/be-postcode-cells.json, made by
 * scripts/make-postcode-map.ts): one Voronoi cell per postcode, clipped to Natural Earth's outline
 * of Belgium, already projected (conic conformal, like Lambert 72) into a `width` × `height` frame.
 * Paths are SVG path data in that frame, so drawing needs no geometry library at run time.
 */
export interface PostcodeCell {
  postcode: string;
  /** The first place of the postcode in be-postcodes.csv. */
  plaats: string;
  province: Province;
  /** SVG path data of the cell, clipped to Belgium. */
  d: string;
  /** Bounding box of the cell in the frame: [x0, y0, x1, y1]. */
  box: [number, number, number, number];
}

export interface ProvinceShape {
  province: Province;
  /** The province's border as SVG path data: the cell edges that no other cell of it shares. */
  border: string;
}

export interface PostcodeCellMap {
  source: string;
  width: number;
  height: number;
  /** Belgium's outline as SVG path data. */
  outline: string;
  cells: PostcodeCell[];
  provinces: ProvinceShape[];
}

export const FLEMISH_PROVINCES: ReadonlySet<Province> = new Set([
  'Antwerpen',
  'Limburg',
  'Oost-Vlaanderen',
  'Vlaams-Brabant',
  'West-Vlaanderen',
]);

/**
 * The frame around some cells, padded, at least `minSize` wide and high, widened or heightened to
 * the `aspect` (width / height) so the picture keeps a steady shape, kept inside the map.
 */
export function frameAround(
  map: PostcodeCellMap,
  cells: readonly PostcodeCell[],
  pad = 0.12,
  minSize = 160,
  aspect = 1.3,
): { x: number; y: number; width: number; height: number } {
  if (cells.length === 0) return { x: 0, y: 0, width: map.width, height: map.height };
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { box } of cells) {
    x0 = Math.min(x0, box[0]);
    y0 = Math.min(y0, box[1]);
    x1 = Math.max(x1, box[2]);
    y1 = Math.max(y1, box[3]);
  }
  const size = (lo: number, hi: number) => Math.max(minSize, (hi - lo) * (1 + 2 * pad));
  let width = size(x0, x1);
  let height = size(y0, y1);
  if (width / height < aspect) width = height * aspect;
  else height = width / aspect;
  width = Math.min(map.width, width);
  height = Math.min(map.height, height);
  const clamp = (v: number, span: number, max: number) => Math.min(Math.max(0, v), max - span);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    x: round(clamp((x0 + x1) / 2 - width / 2, width, map.width)),
    y: round(clamp((y0 + y1) / 2 - height / 2, height, map.height)),
    width: round(width),
    height: round(height),
  };
}
