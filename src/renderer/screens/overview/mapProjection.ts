/**
 * Equirectangular projection fitted to the bounding box of the points: x is longitude shrunk by
 * cos(mean latitude) so distances look right at Belgian latitudes, y is latitude upside down.
 */
export interface Projected<T> {
  item: T;
  x: number;
  y: number;
}

export interface Projection<T> {
  width: number;
  height: number;
  points: Projected<T>[];
}

/** The smallest span (degrees) so one postcode or a few close ones still get a sensible frame. */
const MIN_SPAN = 0.04;

export function projectPoints<T extends { lat: number; lon: number }>(
  items: readonly T[],
  width: number,
  padding: number,
  maxHeight: number,
): Projection<T> {
  if (items.length === 0) return { width, height: maxHeight / 2, points: [] };
  const lats = items.map((p) => p.lat);
  const lons = items.map((p) => p.lon);
  const meanLat = lats.reduce((a, b) => a + b, 0) / lats.length;
  const k = Math.cos((meanLat * Math.PI) / 180);
  const minX = Math.min(...lons) * k;
  const maxX = Math.max(...lons) * k;
  const minY = Math.min(...lats);
  const maxY = Math.max(...lats);
  const spanX = Math.max(maxX - minX, MIN_SPAN);
  const spanY = Math.max(maxY - minY, MIN_SPAN);
  const inner = width - 2 * padding;
  const scale = Math.min(inner / spanX, (maxHeight - 2 * padding) / spanY);
  const height = Math.round(spanY * scale + 2 * padding);
  const offsetX = padding + (inner - (maxX - minX) * scale) / 2;
  const offsetY = padding + (height - 2 * padding - (maxY - minY) * scale) / 2;
  return {
    width,
    height,
    points: items.map((item) => ({
      item,
      x: offsetX + (item.lon * k - minX) * scale,
      y: offsetY + (maxY - item.lat) * scale,
    })),
  };
}
