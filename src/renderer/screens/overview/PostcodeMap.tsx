import type { PostcodeMapPoint } from '../../../shared/api/apiTypes';
import { useLang } from '../../app/i18n';
import { formatCount, formatPercent, rateOf } from './formatNumbers';
import { MapLegend } from './MapLegend';
import { projectPoints } from './mapProjection';
import type { RateScale } from '../../../shared/map/rateScale';

const WIDTH = 800;
const MAX_HEIGHT = 560;
const R_MIN = 7;
const R_MAX = 34;
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
 * The collection rate per postcode as dots at the postcodes' coordinates: size by cards,
 * colour by rate (with a legend), the rate in words in each dot's title and in the caption.
 */
export function PostcodeMap({ points, scale }: { points: PostcodeMapPoint[]; scale: RateScale }) {
  const { t, lang } = useLang();
  if (points.length === 0) return <p>{t('overview.map.none')}</p>;
  const projection = projectPoints(points, WIDTH, R_MAX + 6, MAX_HEIGHT);
  const maxCards = Math.max(...points.map((p) => p.cards), 1);
  const radius = (cards: number) => R_MIN + (R_MAX - R_MIN) * Math.sqrt(cards / maxCards);
  // Big dots first, so small ones stay on top and visible.
  const drawn = [...projection.points].sort((a, b) => b.item.cards - a.item.cards);
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
  return (
    <div className="map-wrap">
      <svg
        className="postcode-map"
        viewBox={`0 0 ${projection.width} ${projection.height}`}
        role="img"
        aria-label={summary}
        data-testid="postcode-map"
      >
        <rect x={0} y={0} width={projection.width} height={projection.height} className="map-ground" />
        {drawn.map(({ item, x, y }) => (
          <g key={item.postcode} className="map-dot" data-postcode={item.postcode}>
            <circle
              cx={x}
              cy={y}
              r={radius(item.cards)}
              fill={scale.colourOf(rateOf(item.collected, item.cards))}
            >
              <title>{describe(item)}</title>
            </circle>
            {points.length <= MAX_LABELS && (
              <text x={x} y={y - radius(item.cards) - 6} textAnchor="middle" className="map-label">
                {item.postcode}
              </text>
            )}
          </g>
        ))}
      </svg>
      <MapLegend scale={scale} />
      <p className="overview-caption" data-testid="map-lowest">
        {t('overview.map.lowest', { lowest: lowText })}
      </p>
    </div>
  );
}
