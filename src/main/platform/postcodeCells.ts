import fs from 'node:fs';
import type { PostcodeCellMap } from '../../shared/map/postcodeCells';
import { POSTCODE_CELLS_FILE } from './paths';

let cached: PostcodeCellMap | undefined;

/** The committed postcode map (assets/be-postcode-cells.json), read once per process. */
export function loadPostcodeCells(file: string = POSTCODE_CELLS_FILE): PostcodeCellMap {
  if (file === POSTCODE_CELLS_FILE && cached) return cached;
  const map = JSON.parse(fs.readFileSync(file, 'utf8')) as PostcodeCellMap;
  if (file === POSTCODE_CELLS_FILE) cached = map;
  return map;
}
