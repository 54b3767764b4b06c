import { useLang } from '../../app/i18n';
import type { RateScale } from '../../../shared/map/rateScale';

/** What the area colours mean. */
export function MapLegend({ scale }: { scale: RateScale }) {
  const { t } = useLang();
  return (
    <div className="map-legend">
      <p className="map-legend-title">{t('overview.map.legendColour')}</p>
      <ul>
        {scale.classes.map((c, i) => (
          <li key={c.colour}>
            <span className="map-legend-swatch" aria-hidden="true" style={{ background: c.colour }} />
            {t(i === scale.classes.length - 1 ? 'overview.map.legendLast' : 'overview.map.legendRange', {
              from: Math.round(c.from * 100),
              to: Math.round(c.to * 100),
            })}
          </li>
        ))}
      </ul>
      <p className="map-legend-size">{t('overview.map.context')}</p>
    </div>
  );
}
