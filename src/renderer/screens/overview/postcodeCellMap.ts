import { useEffect, useState } from 'react';
import type { PostcodeCellMap } from '../../../shared/map/postcodeCells';

let parsed: PostcodeCellMap | undefined;

/**
 * Belgium's postcode cells (assets/be-postcode-cells.json), bundled by vite as a chunk of its own
 * (no network: it ships with the app) and loaded when the first map is drawn, so the desk's first
 * screen does not wait for 230 KB of geometry.
 */
export function usePostcodeCellMap(): PostcodeCellMap | null {
  const [map, setMap] = useState<PostcodeCellMap | null>(parsed ?? null);
  useEffect(() => {
    if (map) return;
    let live = true;
    void import('../../../../assets/be-postcode-cells.json?raw').then((module) => {
      parsed ??= JSON.parse(module.default) as PostcodeCellMap;
      if (live) setMap(parsed);
    });
    return () => {
      live = false;
    };
  }, [map]);
  return map;
}
