import path from 'node:path';
import { throttledProgress } from '../../../shared/api/progress';
import type { OnProgress } from '../../../shared/api/progress';
import { fail, ok } from '../../../shared/result';
import type { Failure, Result } from '../../../shared/result';
import { addDays, brusselsDate } from '../../../shared/time/brussels';
import type { AdminGrant } from './adminPin';
import { appendAudit } from '../../store/audit/auditLog';
import { pointLastDay } from './pointLastDay';
import { backupStoreCounting, listBackups } from '../../store/backup';
import { getSetting } from '../../store/settings';
import type { StoreContext } from '../../store/storeContext';
import { setSetting } from '../../store/settings';

/**
 * A purge's progress phases, in order: `backup` (pages copied), `erase` (card and group rows
 * whose personal data is removed, in one transaction), `vacuum` (FTS optimize, VACUUM, checkpoint:
 * three steps).
 */
export const PURGE_PHASES = ['backup', 'erase', 'vacuum'] as const;
export type PurgePhase = (typeof PURGE_PHASES)[number];

/** Card rows (by id range) per UPDATE inside the erase transaction, so progress can be shown. */
const ERASE_CHUNK_ROWS = 2000;

const CARD_HAS_PERSONAL = `(stamboeknummer IS NOT NULL OR voornaam IS NOT NULL OR achternaam IS NOT NULL
  OR search_text <> '' OR name_key <> '')`;
const GROUP_HAS_PERSONAL = '(collector_name IS NOT NULL OR collector_id_note IS NOT NULL)';

/** Days personal data is kept after the point's last day, unless the setting says otherwise. */
export const DEFAULT_RETENTION_DAYS = 60;

export interface PurgeDone {
  /** Cards whose name and stamboeknummer were removed. */
  cards: number;
  /** Group pickups whose collector name and ID note were removed. */
  groups: number;
  /** The backup made just before (it still holds the personal data). */
  backup: string;
  /**
   * Every backup in the backup folder, this one included, was made before the purge and still
   * holds names and stamboeknummers: the admin removes them once the purge has been checked.
   */
  backupsWithPersonalData: string[];
}

export type PurgeFailure =
  | Failure<'no_last_day'>
  | Failure<'too_early', { lastDay: string; retentionDays: number; firstAllowedDay: string }>;

export function retentionDays(ctx: StoreContext): number {
  const raw = getSetting(ctx.db, 'retention_days');
  const days = raw === null ? NaN : Number(raw);
  return Number.isInteger(days) && days >= 0 ? days : DEFAULT_RETENTION_DAYS;
}

/**
 * Removes the teachers' personal data once the retention period after the last day is over:
 * names and stamboeknummers of cards, names and ID notes of group collectors. Card numbers,
 * postcodes, statuses and desk events stay, so stats and reports still work.
 *
 * Admin grant required (the caller checked the PIN); allowed only when today (Brussels) is after last day + retention days.
 */
export async function purgePersonalData(
  ctx: StoreContext,
  _grant: AdminGrant,
  onProgress?: OnProgress<PurgePhase>,
): Promise<Result<PurgeDone, PurgeFailure>> {
  const { db, clock } = ctx;
  const lastDay = pointLastDay(db);
  if (lastDay === null) return fail('no_last_day');
  const days = retentionDays(ctx);
  const firstAllowedDay = addDays(lastDay, days + 1);
  if (brusselsDate(clock.now()) < firstAllowedDay) {
    return fail('too_early', { lastDay, retentionDays: days, firstAllowedDay });
  }

  const backup = await backupStoreCounting(ctx, 'purge', onProgress, 'backup');

  // Overwrite freed cell space with zeros from here on, in the main file and in WAL frames.
  db.pragma('secure_delete = ON');
  const counts = db
    .transaction(() => {
      const total =
        (db.prepare(`SELECT count(*) FROM cards WHERE ${CARD_HAS_PERSONAL}`).pluck().get() as number) +
        (db
          .prepare(`SELECT count(*) FROM pickup_groups WHERE ${GROUP_HAS_PERSONAL}`)
          .pluck()
          .get() as number);
      const erased = throttledProgress(onProgress, 'erase', total);
      erased(0);
      const cards = eraseCards(db, erased);
      const groups = db
        .prepare(
          `UPDATE pickup_groups SET collector_name = NULL, collector_id_note = NULL WHERE ${GROUP_HAS_PERSONAL}`,
        )
        .run().changes;
      erased(cards + groups);
      // Several desks: personal data lives on every desk, so the host's purge is an order they follow.
      setSetting(db, 'purged_at', clock.now().toISOString());
      appendAudit(db, clock, 'purge', {
        cards,
        groups,
        lastDay,
        retentionDays: days,
        backup: path.basename(backup),
      });
      return { cards, groups };
    })
    .immediate();

  // The UPDATE alone is not enough to make the data go away:
  // - the FTS5 index only records a "delete" marker for the old terms; the folded names stay in
  //   its segments until they are merged, which 'optimize' does now;
  // - rows, index entries and FTS segments that were rewritten leave their old bytes in free
  //   pages and free space inside pages; VACUUM rebuilds the file from the live rows only;
  // - in WAL mode all this is first written to the -wal file, which also still holds older
  //   frames with names: a TRUNCATE checkpoint copies it into the main file and empties it.
  const vacuumed = throttledProgress(onProgress, 'vacuum', 3);
  vacuumed(0);
  db.prepare(`INSERT INTO cards_fts(cards_fts) VALUES('optimize')`).run();
  vacuumed(1);
  db.exec('VACUUM');
  vacuumed(2);
  db.pragma('wal_checkpoint(TRUNCATE)');
  vacuumed(3);

  return ok({ ...counts, backup, backupsWithPersonalData: listBackups(ctx.backupDir) });
}

/** The cards' names and stamboeknummers, a range of ids at a time; returns the rows changed. */
function eraseCards(db: StoreContext['db'], erased: (done: number) => void): number {
  const range = db.prepare('SELECT min(id) AS low, max(id) AS high FROM cards').get() as {
    low: number | null;
    high: number | null;
  };
  if (range.low === null || range.high === null) return 0;
  const update = db.prepare(
    `UPDATE cards SET stamboeknummer = NULL, voornaam = NULL, achternaam = NULL, search_text = '',
       name_key = ''
     WHERE id >= ? AND id < ? AND ${CARD_HAS_PERSONAL}`,
  );
  let cards = 0;
  for (let from = range.low; from <= range.high; from += ERASE_CHUNK_ROWS) {
    cards += update.run(from, from + ERASE_CHUNK_ROWS).changes;
    erased(cards);
  }
  return cards;
}
