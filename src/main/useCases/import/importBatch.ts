import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import { isError } from '../../../shared/batch/importProblem';
import { countProblems, mergeCapped, withMore } from '../../../shared/batch/problemCollector';
import type { PointRow } from '../../../shared/batch/rows';
import { fail, ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import { brusselsIso } from '../../../shared/time/brussels';
import { appendAudit } from '../../store/audit/auditLog';
import { loadPublicKey } from '../../platform/crypto/ed25519';
import { backupStore } from '../../store/backup';
import { hostNameIfNotHost } from '../point/pointRole';
import { getSetting } from '../../store/settings';
import { storeWriteFailure } from '../../store/storeWriteFailure';
import type { StoreContext } from '../../store/storeContext';
import type { ImportFailure, ImportSummary } from '../../../shared/batch/importSummary';
import { storeCardYear } from '../../store/cardYear';
import { applyPlan, dropStaging, planChangesSomething, planImport } from './planImport';
import { cardsProblems, stageCards } from './stageCards';
import { readBatchPackage } from './readPackage';
import type { VerifiedPackage } from './readPackage';
import type { ZipInput } from '../../platform/zip/zipSource';
import { throttledProgress, type OnProgress, type ProgressPhase } from '../../../shared/api/progress';
import type { ImportPlan } from './planImport';
import type { StagedCards } from './stageCards';
import type { PointRowsResult } from '../../../shared/batch/readPointRows';

export type ImportPhase = ProgressPhase<'importPackage'>;

export interface ImportOptions {
  /** Administrator override for an unsigned or wrongly signed package; recorded in the audit log. */
  allowUnsigned?: boolean;
  /** Plan and summarise only: the preview shown before the admin confirms. */
  preview?: boolean;
  /** Phases and rows done, for Beheer's progress bar (the worker thread posts them to the window). */
  onProgress?: OnProgress<ImportPhase>;
  /**
   * Called just before the write transaction: in a worker thread it asks the main thread to hold
   * its own writes until this import is done, so the main thread never blocks on the lock.
   */
  beforeApply?: () => void;
}

/**
 * Imports one signed card batch package, all or nothing. On any error the store is untouched
 * and every problem is returned (the caller shows the first 50 and a count). The package is a
 * ZipSource (the CLI reads it from disk in chunks, fileSource) or bytes already in memory.
 */
export async function importBatch(
  ctx: StoreContext,
  packageInput: ZipInput,
  options: ImportOptions = {},
): Promise<Result<ImportSummary, ImportFailure>> {
  const { db } = ctx;
  const pointId = getSetting(db, 'point_id');
  const issuerPem = getSetting(db, 'issuer_public_key');
  if (pointId === null || issuerPem === null) return fail('not_initialized');
  const host = hostNameIfNotHost(db);
  if (host !== null) return fail('not_host', { host });
  const issuerKey = loadPublicKey(issuerPem);
  const progress = options.onProgress;

  progress?.({ phase: 'verify', done: 0, total: 1 });
  const verified = readBatchPackage(packageInput, {
    issuerPublicKey: issuerKey.ok ? issuerKey.value : null,
    allowUnsigned: options.allowUnsigned ?? false,
    expectedPointId: pointId,
    expectedCardYear: storeCardYear(db),
  });
  if (!verified.ok) return fail('invalid_package', { problems: verified.problems });
  const pkg = verified.value;
  progress?.({ phase: 'verify', done: 1, total: 1 });

  const earlier = db
    .prepare('SELECT package_sha256 AS sha FROM batches WHERE batch_id = ?')
    .get(pkg.manifest.batchId) as { sha: string } | undefined;
  if (earlier) {
    if (earlier.sha !== pkg.packageSha256) {
      return fail('invalid_package', {
        problems: [
          { code: 'batch_id_reused', severity: 'error', file: 'manifest.json', value: pkg.manifest.batchId },
        ],
      });
    }
    return ok(emptySummary(pkg, true));
  }

  const table = `import_cards_${++stagingSeq}`;
  let backup: string | null = null;
  try {
    // Staging and planning write only temp tables of this connection: desks keep handing out.
    const rowsInManifest = pkg.manifest.files['cards.csv']?.rows ?? 0;
    const staged = stageCards(
      db,
      table,
      pkg.source,
      pkg.cards,
      throttledProgress(progress, 'parse', rowsInManifest),
    );
    if (!staged.ok) return fail('invalid_package', { problems: [staged.problem] });
    const refused = cardsProblems(pkg.manifest, staged.staged);
    const points = pkg.points ?? { rows: [], problems: [] };
    const pointErrors = points.problems.filter(isError);
    if (refused.length > 0 || pointErrors.length > 0)
      return fail('invalid_package', {
        problems: mergeCapped([refused, withMore(pointErrors, pointErrors.length, 'points.csv')]),
      });
    progress?.({ phase: 'parse', done: rowsInManifest, total: rowsInManifest });

    progress?.({ phase: 'plan', done: 0, total: 1 });
    const planned = db.transaction(() => ({
      plan: planImport(db, table, pkg.manifest.issuedAt),
      seen: storeFingerprint(db),
    }))();
    progress?.({ phase: 'plan', done: 1, total: 1 });
    const summary = summarize(pkg, staged.staged, points, planned.plan);
    if (options.preview) return ok(summary);

    const changes = planChangesSomething(planned.plan) || points.rows.length > 0;
    backup = changes && ctx.dbPath !== ':memory:' ? await backupStore(ctx, 'import') : null;
    const total = summary.added + summary.updated + summary.replaced;
    progress?.({ phase: 'apply', done: 0, total });
    options.beforeApply?.();
    const applied = applyImport(ctx, pkg, table, points.rows, planned, (plan) => ({
      ...summarize(pkg, staged.staged, points, plan),
      backup,
    }));
    if (applied === 'batch_known') {
      if (backup) fs.rmSync(backup, { force: true });
      return ok(emptySummary(pkg, true));
    }
    // Planned again inside the lock, the rows written may differ from the first plan's.
    const written = applied.added + applied.updated + applied.replaced;
    progress?.({ phase: 'apply', done: written, total: written });
    return ok(applied);
  } catch (error) {
    // A full disk or a busy store: the import transaction rolled back, so the store is unchanged
    // and the backup of it only takes the room that is short.
    const refusal = storeWriteFailure(error);
    if (!refusal) throw error;
    if (backup) fs.rmSync(backup, { force: true });
    return refusal;
  } finally {
    dropStaging(db, table);
  }
}

/**
 * What the plan depends on besides the package: hand-outs and voids (desk_events), imports
 * (batches), and every admin change of cards (purge, new year: the audit log). Cheap: three
 * primary-key maxima.
 */
function storeFingerprint(db: Database): string {
  return db
    .prepare(
      `SELECT (SELECT coalesce(max(seq), 0) FROM desk_events) || ':' || (SELECT coalesce(max(seq), 0) FROM audit_log)
         || ':' || (SELECT coalesce(max(rowid), 0) FROM batches)`,
    )
    .pluck()
    .get() as string;
}

function summarize(
  pkg: VerifiedPackage,
  staged: StagedCards,
  points: PointRowsResult,
  plan: ImportPlan,
): ImportSummary {
  const pointWarnings = points.problems.filter((p) => !isError(p));
  return {
    ...emptySummary(pkg, false),
    added: plan.inserts,
    updated: plan.updates,
    unchanged: plan.unchanged,
    revoked: plan.revoked,
    replaced: plan.replaced,
    skippedOlder: plan.skippedOlder,
    warnings: mergeCapped([
      staged.warnings,
      withMore(pointWarnings, pointWarnings.length, 'points.csv'),
      plan.conflicts,
      plan.skipped,
    ]),
    points: points.rows.length,
  };
}

let stagingSeq = 0;

function emptySummary(pkg: VerifiedPackage, alreadyImported: boolean): ImportSummary {
  return {
    batchId: pkg.manifest.batchId,
    pointId: pkg.manifest.pointId,
    alreadyImported,
    signature: pkg.signature,
    availableFrom: pkg.manifest.availableFrom,
    availableUntil: pkg.manifest.availableUntil,
    added: 0,
    updated: 0,
    unchanged: 0,
    revoked: 0,
    replaced: 0,
    skippedOlder: 0,
    warnings: [],
    points: 0,
    backup: null,
  };
}

/**
 * The one write transaction of an import, the only time desks wait. It was planned outside the
 * write lock; when anything the plan depends on changed since (a hand-out, another import), it is
 * planned again inside the lock, so the store never gets a stale plan.
 */
function applyImport(
  ctx: StoreContext,
  pkg: VerifiedPackage,
  table: string,
  points: readonly PointRow[],
  planned: { plan: ImportPlan; seen: string },
  summaryOf: (plan: ImportPlan) => ImportSummary,
): ImportSummary | 'batch_known' {
  const { db, clock } = ctx;
  const { manifest } = pkg;
  return db
    .transaction((): ImportSummary | 'batch_known' => {
      let plan = planned.plan;
      if (storeFingerprint(db) !== planned.seen) {
        const known = db.prepare('SELECT 1 FROM batches WHERE batch_id = ?').get(manifest.batchId);
        if (known) return 'batch_known';
        plan = planImport(db, table, manifest.issuedAt);
      }
      const summary = summaryOf(plan);
      db.prepare(
        `INSERT INTO batches (batch_id, point_id, point_name, card_year, issued_at, available_from, available_until,
         package_sha256, signature, imported_at, card_rows, summary)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        manifest.batchId,
        manifest.pointId,
        manifest.pointName,
        manifest.cardYear,
        manifest.issuedAt,
        manifest.availableFrom,
        manifest.availableUntil,
        pkg.packageSha256,
        pkg.signature,
        brusselsIso(clock.now()),
        manifest.files['cards.csv']?.rows ?? 0,
        JSON.stringify(summaryCounts(summary)),
      );
      applyPlan(db, table, manifest.batchId);
      if (points.length > 0) replacePoints(db, manifest.batchId, points);
      appendAudit(db, clock, pkg.signature === 'valid' ? 'import' : 'import_unsigned_override', {
        batchId: manifest.batchId,
        packageSha256: pkg.packageSha256,
        ...summaryCounts(summary),
      });
      return summary;
    })
    .immediate();
}

function summaryCounts(summary: ImportSummary): Record<string, number> {
  return {
    added: summary.added,
    updated: summary.updated,
    unchanged: summary.unchanged,
    revoked: summary.revoked,
    replaced: summary.replaced,
    skippedOlder: summary.skippedOlder,
    warnings: countProblems(summary.warnings),
  };
}

function replacePoints(db: Database, batchId: string, points: readonly PointRow[]): void {
  db.prepare('DELETE FROM points').run();
  const insert = db.prepare(
    'INSERT INTO points (point_id, naam, adres, postcodes, openingsuren, tot, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const p of points) {
    insert.run(p.pointId, p.naam, p.adres, JSON.stringify(p.postcodes), p.openingsuren, p.tot, batchId);
  }
}
