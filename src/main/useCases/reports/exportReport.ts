import fs from 'node:fs';
import path from 'node:path';
import type { ReportExport } from '../../../shared/api/apiTypes';
import { ok } from '../../../shared/result';
import type { Result } from '../../../shared/result';
import type { KeyProtector } from '../../platform/keys/installationKey';
import { getSetting } from '../../store/settings';
import type { StoreContext } from '../../store/storeContext';
import type { AdminGrant } from '../admin/adminPin';
import { lastReport } from './buildReport';
import { createReport } from './createReport';
import type { ReportCreated, ReportFailure } from './createReport';

/** Where Beheer's reports are kept, and how they are sealed. */
export interface ReportPlace {
  /** Next to the database: `<data>/reports`. */
  reportsDir: string;
  protector?: KeyProtector | undefined;
}

/**
 * The file name of the next report: `GENT-01-rapport-0003.lkr.json`, or `eindrapport` for the
 * final report of a card year. The sequence is the one the report will carry.
 */
export function nextReportFileName(ctx: StoreContext, kind: 'rapport' | 'eindrapport'): string {
  const sequence = (lastReport(ctx.db)?.sequence ?? 0) + 1;
  const pointId = getSetting(ctx.db, 'point_id') ?? 'PUNT';
  return `${pointId}-${kind}-${String(sequence).padStart(4, '0')}.lkr.json`;
}

/** The signed report made from Beheer, kept in the reports folder and handed back for download. */
export function exportReport(
  ctx: StoreContext,
  place: ReportPlace,
  _grant: AdminGrant,
): Result<ReportExport, ReportFailure> {
  fs.mkdirSync(place.reportsDir, { recursive: true });
  const fileName = nextReportFileName(ctx, 'rapport');
  const created = createReport(ctx, {
    outFile: path.join(place.reportsDir, fileName),
    ...(place.protector ? { protector: place.protector } : {}),
  });
  if (!created.ok) return created;
  return ok(reportDownload(created.value));
}

/** A written report as the download Beheer offers. */
export function reportDownload(report: ReportCreated): ReportExport {
  return {
    fileName: path.basename(report.file),
    contentBase64: fs.readFileSync(report.file).toString('base64'),
    sequence: report.sequence,
    keyId: report.keyId,
    cards: report.cards,
    collected: report.collected,
    newKey: report.newKey,
  };
}
