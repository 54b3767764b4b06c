import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { fail, ok } from '../../../shared/result';
import type { Failure, Result } from '../../../shared/result';
import type { AdminGrant } from '../admin/adminPin';
import { startAuditEpoch } from '../../store/audit/auditEpoch';
import { appendAudit } from '../../store/audit/auditLog';
import { checkStaff } from '../admin/staff';
import type { KeyProtector } from '../../platform/keys/installationKey';
import { markLeftoversReturned } from '../admin/leftovers';
import { createReport, type ReportCreated, type ReportFailure } from '../reports/createReport';
import { storeCardYear } from '../../store/cardYear';
import { getSetting } from '../../store/settings';
import type { StoreContext } from '../../store/storeContext';
import type { NewYearView } from '../../../shared/api/apiTypes';
import { nextReportFileName, reportDownload } from '../reports/exportReport';
import type { ReportPlace } from '../reports/exportReport';

export interface NewYearDone {
  cardYear: number;
  previousCardYear: number;
  /** Leftover cards marked as returned to the issuer just before the final report. */
  leftoversReturned: number;
  finalReport: ReportCreated;
  /** The old year's store, kept whole until its retention period is over (`balie purge`). */
  archive: string;
  /** Cards of the old year moved out of the live store (they stay in the archive). */
  cardsArchived: number;
  auditEpoch: number;
}

export type NewYearFailure =
  | Failure<'not_initialized'>
  /** No batch yet: there is no year to close; the new year's package can be imported directly. */
  | Failure<'nothing_to_close'>
  | Failure<'year_not_after', { cardYear: number; currentYear: number }>
  | Failure<'unknown_staff', { staff: string }>
  | ReportFailure;

/** Folder for the archived years, next to the database (never pruned like the backups). */
export function archiveDirFor(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'archive');
}

/**
 * The year rollover: the store belongs to one card year, and an installation lives for many.
 *
 * 1. the admin grant (the caller checked the PIN), and the new year must come after the store's year;
 * 2. leftovers: every card still waiting is marked returned to the issuer;
 * 3. the final report of the old year (signed, `reportOut`), carrying the audit head;
 * 4. the archive: a full copy of the store as it is now, in `archive/` (kept for the retention
 *    period; `balie purge` then removes its names like the live store's);
 * 5. the old year's cards, batches, hand-outs and groups leave the live store (names overwritten
 *    on disk: secure_delete, VACUUM); settings, the report chain and the audit log stay;
 * 6. `new_year` is audited and a new audit epoch starts: the next report (the new year's first)
 *    declares it, and from here the store takes only the new year's packages.
 * A failure before step 5 changes nothing of the old year's data but what steps 2–4 did, each a
 * complete action of its own (the leftovers count, a valid report, a complete archive).
 */
export async function startNewYear(
  ctx: StoreContext,
  input: {
    cardYear: number;
    staff: string;
    reportOut: string;
    keyDir?: string;
    protector?: KeyProtector;
  },
  grant: AdminGrant,
): Promise<Result<NewYearDone, NewYearFailure>> {
  const { db, clock } = ctx;
  if (getSetting(db, 'point_id') === null) return fail('not_initialized');
  const currentYear = storeCardYear(db);
  const batches = db.prepare('SELECT count(*) FROM batches').pluck().get() as number;
  if (currentYear === null || batches === 0) return fail('nothing_to_close');
  if (input.cardYear <= currentYear) return fail('year_not_after', { cardYear: input.cardYear, currentYear });
  const staff = checkStaff(db, input.staff);
  if (!staff.ok) return fail('unknown_staff', { staff: staff.staff });

  const leftovers = markLeftoversReturned(ctx, { staff: staff.staff }, grant);
  if (!leftovers.ok) {
    // With the admin grant the last day does not matter.
    if (leftovers.error === 'before_last_day') throw new Error('leftovers refused despite the admin grant');
    return leftovers;
  }

  const report = createReport(ctx, {
    outFile: input.reportOut,
    ...(input.keyDir !== undefined ? { keyDir: input.keyDir } : {}),
    ...(input.protector !== undefined ? { protector: input.protector } : {}),
  });
  if (!report.ok) return report;

  const archive = archiveFile(ctx.dbPath, currentYear, getSetting(db, 'point_id') ?? 'PUNT');
  fs.mkdirSync(path.dirname(archive), { recursive: true });
  await db.backup(archive);

  db.pragma('secure_delete = ON');
  const { cardsArchived, auditEpoch } = db
    .transaction(() => {
      const cards = clearYear(db);
      appendAudit(db, clock, 'new_year', {
        cardYear: input.cardYear,
        previousCardYear: currentYear,
        finalReport: report.value.sequence,
        leftoversReturned: leftovers.value.count,
        cardsArchived: cards,
        archive: path.basename(archive),
      });
      const epoch = startAuditEpoch(db, clock, 'new_year', { cardYear: input.cardYear });
      return { cardsArchived: cards, auditEpoch: epoch };
    })
    .immediate();
  // As after a purge: the old year's names must not linger in free pages, the FTS index or the WAL.
  db.prepare(`INSERT INTO cards_fts(cards_fts) VALUES('optimize')`).run();
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');

  return ok({
    cardYear: input.cardYear,
    previousCardYear: currentYear,
    leftoversReturned: leftovers.value.count,
    finalReport: report.value,
    archive,
    cardsArchived,
    auditEpoch,
  });
}

function archiveFile(dbPath: string, year: number, pointId: string): string {
  const dir = archiveDirFor(dbPath);
  let file = path.join(dir, `balie-${year}-${pointId}.sqlite`);
  for (let n = 2; fs.existsSync(file); n += 1) file = path.join(dir, `balie-${year}-${pointId}-${n}.sqlite`);
  return file;
}

/**
 * Removes the old year's data. Hand-outs are append-only (a trigger refuses DELETE); the year
 * rollover is the one action that may move them out, because the archive holds them whole. The
 * trigger is dropped and put back, with its own SQL, inside the same transaction.
 */
function clearYear(db: Database): number {
  const trigger = db
    .prepare(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'desk_events_no_delete'`)
    .pluck()
    .get() as string | undefined;
  const cards = db.prepare('SELECT count(*) FROM cards').pluck().get() as number;
  if (trigger !== undefined) db.exec('DROP TRIGGER desk_events_no_delete');
  db.exec(`
    DELETE FROM card_state;
    DELETE FROM desk_events;
    DELETE FROM pickup_groups;
    DELETE FROM points;
    UPDATE cards SET replaced_by = NULL WHERE replaced_by IS NOT NULL;
    DELETE FROM cards;
    DELETE FROM batches;
    DELETE FROM settings WHERE key = 'last_day';
  `);
  if (trigger !== undefined) db.exec(trigger);
  return cards;
}

/** The rollover from Beheer: the final report goes to the reports folder and back for download. */
export async function startNewYearFromBeheer(
  ctx: StoreContext,
  input: { cardYear: number; staff: string },
  place: ReportPlace,
  grant: AdminGrant,
): Promise<Result<NewYearView, NewYearFailure>> {
  fs.mkdirSync(place.reportsDir, { recursive: true });
  const done = await startNewYear(
    ctx,
    {
      ...input,
      reportOut: path.join(place.reportsDir, nextReportFileName(ctx, 'eindrapport')),
      ...(place.protector ? { protector: place.protector } : {}),
    },
    grant,
  );
  if (!done.ok) return done;
  const r = done.value;
  return ok({
    cardYear: r.cardYear,
    previousCardYear: r.previousCardYear,
    leftoversReturned: r.leftoversReturned,
    cardsArchived: r.cardsArchived,
    archiveFile: path.basename(r.archive),
    auditEpoch: r.auditEpoch,
    finalReport: reportDownload(r.finalReport),
  });
}
