import type { ApiFailure } from '../../../shared/api/contract';
import { useCallback, useEffect, useState } from 'react';
import type { OverviewStats, PostcodeMapPoint } from '../../../shared/api/apiTypes';
import { useDesk } from '../../app/session';

export type OverviewData =
  | { state: 'loading' }
  | { state: 'failed'; failure: ApiFailure<'overview' | 'postcodeMap'> }
  | { state: 'ready'; stats: OverviewStats; map: PostcodeMapPoint[] };

/** Loads the totals and the map points each time the screen opens (and on demand). */
export function useOverviewData(): { data: OverviewData; reload(): void } {
  const { api } = useDesk();
  const [data, setData] = useState<OverviewData>({ state: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    // The client answers every call with a value (never a rejection), failures included.
    void Promise.all([api.overview({}), api.postcodeMap({})]).then(([stats, map]) => {
      if (!live) return;
      if (!stats.ok) setData({ state: 'failed', failure: stats });
      else if (!map.ok) setData({ state: 'failed', failure: map });
      else setData({ state: 'ready', stats: stats.value, map: map.value });
    });
    return () => {
      live = false;
    };
  }, [api, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, reload };
}
