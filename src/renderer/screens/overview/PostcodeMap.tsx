import { useId, useState } from 'react';
import type { PostcodeMapPoint } from '../../../shared/api/apiTypes';
import { FLEMISH_PROVINCES, frameAround } from '../../../shared/map/postcodeCells';
import type { RateScale } from '../../../shared/map/rateScale';
import { useLang } from '../../app/i18n';
import { formatCount, formatPercent, rateOf } from './formatNumbers';
import { MapLegend } from './MapLegend';
import { usePostcodeCellMap } from './postcodeCellMap';

/** Above this many postcodes the labels would overlap: the titles and the table carry them. */
const MAX_LABELS = 40;

/** Low first, then the postcodes with most cards: the places teachers do not come from. */
function lowest(points: readonly PostcodeMapPoint[], n: number): PostcodeMapPoint[] {
  return [...points]
    .filter((p) => p.cards > 0)
    .sort((a, b) => rateOf(a.collected, a.cards) - rateOf(b.collected, b.cards) || b.cards - a.cards)
    .slice(0, n);
}

/**
 * The point's postcodes on a real map (Voronoi cells of the postcodes, clipped to Belgium), each
 * filled by its collection rate, zoomed to the point with the rest of Flanders faint around it.
 * Every area is focusable: hovering or focusing it shows its numbers under the map; the table
 * next to it holds the same numbers for screen readers.
 */
export function PostcodeMap({ points, scale }: { points: PostcodeMapPoint[]; scale: RateScale }) {
  const { t, lang } = useLang();
  const [active, setActive] = useState<string | null>(null);
  const summaryId = useId();
  const map = usePostcodeCellMap();
  if (points.length === 0) return <p>{t('overview.map.none')}</p>;
  if (!map) return <p className="loading">{t('app.loading')}</p>;
  const byPostcode = new Map(points.map((p) => [p.postcode, p]));
  const served = map.cells.filter((c) => byPostcode.has(c.postcode));
  const unmapped = points.filter((p) => !map.cells.some((c) => c.postcode === p.postcode));
  const frame = frameAround(map, served, 0.3, 90);
  const describe = (p: PostcodeMapPoint) =>
    t('overview.map.dot', {
      postcode: p.postcode,
      plaats: p.plaats,
      collected: formatCount(p.collected, lang),
      cards: formatCount(p.cards, lang),
      percent: formatPercent(p.collected, p.cards, lang),
    });
  const low = lowest(points, 3);
  const lowText = low
    .map((p) => `${p.postcode} ${p.plaats} (${formatPercent(p.collected, p.cards, lang)})`)
    .join(', ');
  const summary = t('overview.map.summary', { count: points.length, lowest: lowText });
  const activePoint = active === null ? undefined : byPostcode.get(active);
  const activeCell = served.find((c) => c.postcode === active);
  const leave = (postcode: string) => setActive((a) => (a === postcode ? null : a));
  // Labels scale with the frame, so they read the same size whatever the zoom.
  const labelSize = frame.width / 45;
  return (
    <div className="map-wrap">
      <p id={summaryId} className="sr-only">
        {summary}
      </p>
      <svg
        className="postcode-map"
        viewBox={`${frame.x} ${frame.y} ${frame.width} ${frame.height}`}
        role="group"
        aria-labelledby={summaryId}
        data-testid="postcode-map"
      >
        <rect x={0} y={0} width={map.width} height={map.height} className="map-ground" />
        {map.cells
          .filter((c) => !byPostcode.has(c.postcode))
          .map((c) => (
            <path
              key={c.postcode}
              d={c.d}
              className={FLEMISH_PROVINCES.has(c.province) ? 'map-cell-flanders' : 'map-cell-far'}
            />
          ))}
        {map.provinces.map((p) => (
          <path key={p.province} d={p.border} className="map-border" />
        ))}
        <path d={map.outline} className="map-outline" />
        {served.map((cell) => {
          const point = byPostcode.get(cell.postcode);
          if (!point) return null;
          const text = describe(point);
          return (
            <path
              key={cell.postcode}
              d={cell.d}
              className="map-area"
              data-postcode={cell.postcode}
              fill={scale.colourOf(rateOf(point.collected, point.cards))}
              tabIndex={0}
              role="img"
              aria-label={text}
              onMouseEnter={() => setActive(cell.postcode)}
              onMouseLeave={() => leave(cell.postcode)}
              onFocus={() => setActive(cell.postcode)}
              onBlur={() => leave(cell.postcode)}
            >
              <title>{text}</title>
            </path>
          );
        })}
        {served.length <= MAX_LABELS &&
          served.map((cell) => (
            <text
              key={cell.postcode}
              x={(cell.box[0] + cell.box[2]) / 2}
              y={(cell.box[1] + cell.box[3]) / 2}
              textAnchor="middle"
              dominantBaseline="middle"
              className="map-label"
              style={{ fontSize: labelSize }}
              aria-hidden="true"
            >
              {cell.postcode}
            </text>
          ))}
        {activeCell && <path d={activeCell.d} className="map-area-active" aria-hidden="true" />}
      </svg>
      <p className="map-info" aria-live="polite" data-testid="map-info">
        {activePoint ? describe(activePoint) : t('overview.map.hint')}
      </p>
      <MapLegend scale={scale} />
      {unmapped.length > 0 && (
        <p className="overview-caption">
          {t('overview.map.unmapped', {
            count: unmapped.length,
            postcodes: unmapped.map((p) => p.postcode).join(', '),
          })}
        </p>
      )}
      <p className="overview-caption" data-testid="map-lowest">
        {t('overview.map.lowest', { lowest: lowText })}
      </p>
    </div>
  );
}
