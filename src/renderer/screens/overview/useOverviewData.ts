import { useCallback, useEffect, useState } from 'react';
import type { OverviewStats, PostcodeMapPoint } from '../../../shared/api/apiTypes';
import { useDesk } from '../../app/session';

export type OverviewData =
  | { state: 'loading' }
  | { state: 'failed'; error: string }
  | { state: 'ready'; stats: OverviewStats; map: PostcodeMapPoint[] };

/** Loads the totals and the map points each time the screen opens (and on demand). */
export function useOverviewData(): { data: OverviewData; reload(): void } {
  const { api } = useDesk();
  const [data, setData] = useState<OverviewData>({ state: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all([api.overview({}), api.postcodeMap({})])
      .then(([stats, map]) => {
        if (!live) return;
        if (!stats.ok) setData({ state: 'failed', error: stats.error });
        else if (!map.ok) setData({ state: 'failed', error: map.error });
        else setData({ state: 'ready', stats: stats.value, map: map.value });
      })
      .catch((error: unknown) => {
        if (live) setData({ state: 'failed', error: String(error) });
      });
    return () => {
      live = false;
    };
  }, [api, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, reload };
}
