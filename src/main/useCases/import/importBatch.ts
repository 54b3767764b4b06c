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

export interface ImportOptions {
  /** Administrator override for an unsigned or wrongly signed package; recorded in the audit log. */
  allowUnsigned?: boolean;
  /** Plan and summarise only: the preview shown before the admin confirms. */
  preview?: boolean;
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
  const issuerKey = loadPublicKey(issuerPem);

  const verified = readBatchPackage(packageInput, {
    issuerPublicKey: issuerKey.ok ? issuerKey.value : null,
    allowUnsigned: options.allowUnsigned ?? false,
    expectedPointId: pointId,
    expectedCardYear: storeCardYear(db),
  });
  if (!verified.ok) return fail('invalid_package', { problems: verified.problems });
  const pkg = verified.value;

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
    const staged = stageCards(db, table, pkg.source, pkg.cards);
    if (!staged.ok) return fail('invalid_package', { problems: [staged.problem] });
    const refused = cardsProblems(pkg.manifest, staged.staged);
    const points = pkg.points ?? { rows: [], problems: [] };
    const pointErrors = points.problems.filter(isError);
    if (refused.length > 0 || pointErrors.length > 0)
      return fail('invalid_package', {
        problems: mergeCapped([refused, withMore(pointErrors, pointErrors.length, 'points.csv')]),
      });

    const plan = planImport(db, table, pkg.manifest.issuedAt);
    const pointWarnings = points.problems.filter((p) => !isError(p));
    const warnings = mergeCapped([
      staged.staged.warnings,
      withMore(pointWarnings, pointWarnings.length, 'points.csv'),
      plan.conflicts,
      plan.skipped,
    ]);
    const summary: ImportSummary = {
      ...emptySummary(pkg, false),
      added: plan.inserts,
      updated: plan.updates,
      unchanged: plan.unchanged,
      revoked: plan.revoked,
      replaced: plan.replaced,
      skippedOlder: plan.skippedOlder,
      warnings,
      points: points.rows.length,
    };
    if (options.preview) return ok(summary);

    const changes = planChangesSomething(plan) || points.rows.length > 0;
    backup = changes && ctx.dbPath !== ':memory:' ? await backupStore(ctx, 'import') : null;
    applyImport(ctx, pkg, table, points.rows, { ...summary, backup });
    return ok({ ...summary, backup });
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

function applyImport(
  ctx: StoreContext,
  pkg: VerifiedPackage,
  table: string,
  points: readonly PointRow[],
  summary: ImportSummary,
): void {
  const { db, clock } = ctx;
  const { manifest } = pkg;
  db.transaction(() => {
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
  })();
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
