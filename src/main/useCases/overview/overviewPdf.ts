import fs from 'node:fs';
import os from 'node:os';
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
}

/** The Overzicht printed to a one-page A4 PDF by the local Chromium, for the library's own reporting. */
export async function exportOverviewPdf(
  ctx: StoreContext,
  places: ReadonlyMap<string, PostcodePlace>,
  map: PostcodeCellMap,
  lang: Lang,
  print: (html: string, outFile: string) => Promise<boolean> = htmlToPdf,
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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'balie-overzicht-'));
  try {
    const file = path.join(dir, 'overzicht.pdf');
    if (!(await print(html, file))) return fail('pdf_unavailable');
    const prefix = lang === 'nl' ? 'overzicht' : 'overview';
    return ok({
      fileName: `${prefix}-${identity?.pointId ?? 'punt'}-${brusselsDate(now)}.pdf`,
      contentBase64: fs.readFileSync(file).toString('base64'),
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
