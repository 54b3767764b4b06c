import fs from 'node:fs';
import path from 'node:path';
import type { FeedMark, VerifiedFeed } from './feedCheck';

/** The last feed this installation accepted, kept next to its store: a replayed older feed is refused. */
export function feedMarkPath(storeDir: string): string {
  return path.join(storeDir, 'update-feed.json');
}

export function readFeedMark(file: string): FeedMark | null {
  try {
    const mark = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<FeedMark>;
    if (typeof mark.sequence !== 'number' || !Number.isInteger(mark.sequence)) return null;
    return {
      sequence: mark.sequence,
      releaseDate: typeof mark.releaseDate === 'string' ? mark.releaseDate : null,
    };
  } catch {
    return null;
  }
}

export function writeFeedMark(file: string, feed: VerifiedFeed): void {
  const mark: FeedMark = { sequence: feed.sequence, releaseDate: feed.info.releaseDate ?? null };
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(mark)}\n`);
  fs.renameSync(temp, file);
}
