import type { PostcodeMapPoint } from '../../../shared/api/apiTypes';
import type { PostcodeStats } from '../../../shared/cards/cardStats';
import { useT } from '../../app/i18n';
import { PostcodeMap } from './PostcodeMap';
import { PostcodeTable } from './PostcodeTable';
import { rateOf } from './formatNumbers';
import { rateScale } from '../../../shared/map/rateScale';

/** Where the cards are collected and where not: the map and the sortable table. */
export function PostcodeSection({ rows, points }: { rows: PostcodeStats[]; points: PostcodeMapPoint[] }) {
  const t = useT();
  const scale = rateScale(Math.max(0, ...rows.map((r) => rateOf(r.collected, r.cards))));
  return (
    <section className="panel" aria-labelledby="overview-postcodes-title">
      <h2 id="overview-postcodes-title">{t('overview.postcodes.title')}</h2>
      <p>{t('overview.postcodes.intro')}</p>
      <div className="overview-postcodes">
        <PostcodeMap points={points} scale={scale} />
        <div className="overview-table-wrap">
          <PostcodeTable rows={rows} scale={scale} />
        </div>
      </div>
    </section>
  );
}
