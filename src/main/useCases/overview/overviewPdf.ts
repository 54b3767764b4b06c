import fs from 'node:fs';
import path from 'node:path';
import type { Lang } from '../../../shared/lang';
import type { PostcodeCellMap } from '../../../shared/map/postcodeCells';
import { fail, ok, type Failure, type Result } from '../../../shared/result';
import { brusselsDate } from '../../../shared/time/brussels';
import { htmlToPdf } from '../../platform/htmlToPdf';
import type { PostcodePlace } from '../../platform/postcodePlaces';
import type { StoreContext } from '../../store/storeContext';
import { readPointIdentity } from '../admin/initPoint';
import { readOverview, readPostcodeMap } from './overview';
import { renderOverviewHtml } from './overviewHtml';

export interface OverviewPdf {
  fileName: string;
  contentBase64: string;
  /** Where the PDF was kept too (the reports folder next to the database). */
  savedTo: string;
}

/** Prints an HTML page to a PDF file; false when no browser can. platform/htmlToPdf by default. */
export type PrintPdf = (html: string, outFile: string) => Promise<boolean>;

/** The Overzicht printed to a one-page A4 PDF by the local Chromium, for the library's own reporting. */
export async function exportOverviewPdf(
  ctx: StoreContext,
  places: ReadonlyMap<string, PostcodePlace>,
  map: PostcodeCellMap,
  lang: Lang,
  place: { saveDir: string; print?: PrintPdf | undefined },
): Promise<Result<OverviewPdf, Failure<'pdf_unavailable'>>> {
  const now = ctx.clock.now();
  const identity = readPointIdentity(ctx.db);
  const html = renderOverviewHtml({
    stats: readOverview(ctx),
    points: readPostcodeMap(ctx, places),
    map,
    pointName: identity?.pointName ?? '',
    now,
    lang,
  });
  const prefix = lang === 'nl' ? 'overzicht' : 'overview';
  const fileName = `${prefix}-${identity?.pointId ?? 'punt'}-${brusselsDate(now)}.pdf`;
  fs.mkdirSync(place.saveDir, { recursive: true });
  const outFile = path.join(place.saveDir, fileName);
  if (!(await (place.print ?? htmlToPdf)(html, outFile))) return fail('pdf_unavailable');
  // Kept in the reports folder as well: the Electron shell refuses downloads from the page.
  return ok({ fileName, contentBase64: fs.readFileSync(outFile).toString('base64'), savedTo: outFile });
}
