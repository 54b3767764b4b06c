import { escapeHtml } from '../../../shared/desk/receipt';
import type { Province } from '../../../shared/domain/postcode';
import {
  auditProblemMessage,
  chainBreakMessage,
  reportRefusedMessage,
  sequenceConflictMessage,
  sequenceGapMessage,
} from '../../../shared/i18n/reportText';
import { translatorFor } from '../../../shared/i18n/texts/catalogue';
import { issuerReportTexts } from '../../../shared/i18n/texts/issuerReportTexts';
import type { Lang } from '../../../shared/lang';
import { legendHtml, postcodeMapSvg, provinceMapSvg, type AreaCounts } from '../../../shared/map/mapSvg';
import type { PostcodeCellMap } from '../../../shared/map/postcodeCells';
import { rateScale } from '../../../shared/map/rateScale';
import { aggregateRows, blockingProblems, type AggregateRow } from '../../../shared/report/aggregate';
import { brusselsDate, daysBetween } from '../../../shared/time/brussels';
import type { AggregateOutcome } from './aggregateReports';

export const DEFAULT_STALE_DAYS = 7;

export interface AggregateHtmlInput {
  outcome: Pick<AggregateOutcome, 'refused' | 'selection'>;
  map: PostcodeCellMap;
  now: Date;
  /** A point is stale when its newest report is more than this many days old. */
  staleDays: number;
  /** Whether the issuer merged despite chain problems (--allow-conflicts). */
  allowConflicts: boolean;
  lang?: Lang;
}

/**
 * The issuer's report as one self-contained HTML page: inline SVG and CSS, no script, no URL.
 * "How many cards were collected, per region?" at one glance: totals, provinces as bars and a
 * map, every postcode on a map of Belgium, then the points with how old their last report is.
 * Chain problems come first, in red. Every text from a report is escaped.
 */
export function renderAggregateHtml(input: AggregateHtmlInput): string {
  const lang = input.lang ?? 'nl';
  const t = translatorFor(issuerReportTexts, lang);
  const locale = lang === 'nl' ? 'nl-BE' : 'en-GB';
  const whole = new Intl.NumberFormat(locale);
  const pct = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percent = (p: number) => `${pct.format(p)}%`;
  const { selection } = input.outcome;
  // A point whose chain is broken is not counted unless the issuer says so (as the table formats).
  const blocked = new Set(
    [...selection.conflicts, ...selection.chainBreaks, ...selection.auditProblems].map((p) => p.pointId),
  );
  const kept = input.allowConflicts
    ? selection.kept
    : selection.kept.filter((r) => !blocked.has(r.payload.pointId));
  const today = brusselsDate(input.now);

  const byProvince = aggregateRows(kept, 'province');
  const byPostcode = aggregateRows(kept, 'postcode');
  const byPoint = aggregateRows(kept, 'point');
  const total = byPoint.total;
  const counts = (rows: readonly AggregateRow[]) =>
    new Map<string, AreaCounts>(rows.map((r) => [r.key, { cards: r.cards, collected: r.collected }]));
  const describe = (_key: string, name: string, c: AreaCounts) =>
    t('issuer.area', {
      name,
      collected: whole.format(c.collected),
      cards: whole.format(c.cards),
      percent: percent(c.cards === 0 ? 0 : Math.round((c.collected / c.cards) * 1000) / 10),
    });
  const legend = (scale: ReturnType<typeof rateScale>) =>
    legendHtml(scale, t('issuer.legend'), (from, to, last) =>
      t(last ? 'issuer.legend.last' : 'issuer.legend.range', { from, to }),
    );

  // Problems: refused files and every break in a point's chain, in the order verify prints them.
  const problems = [
    ...input.outcome.refused.map((r) => reportRefusedMessage(r.file, r.reason, lang, r.detail)),
    ...selection.gaps.map((g) => sequenceGapMessage(g, lang)),
    ...selection.conflicts.map((c) => sequenceConflictMessage(c, lang)),
    ...selection.chainBreaks.map((b) => chainBreakMessage(b, lang)),
    ...selection.auditProblems.map((a) => auditProblemMessage(a, lang)),
  ];
  const blocking = blockingProblems(selection);
  const problemsHtml =
    problems.length === 0
      ? ''
      : `<section class="problems" aria-labelledby="problems-title"><h2 id="problems-title">${escapeHtml(t('issuer.problems.title'))}</h2>` +
        (blocking > 0
          ? `<p><strong>${escapeHtml(input.allowConflicts ? t('issuer.problems.merged', { count: blocking }) : t('issuer.problems.notMerged', { points: [...blocked].join(', ') }))}</strong></p>`
          : '') +
        `<ul>${problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul></section>`;

  const provinceScale = rateScale(Math.max(0, ...byProvince.rows.map((r) => r.percent / 100)));
  const barWidth = 420;
  const barRow = 26;
  const bars = byProvince.rows
    .map((r, i) => {
      const y = i * barRow;
      const w = Math.max(1, Math.round((r.percent / 100) * barWidth));
      return (
        `<text x="150" y="${y + 17}" text-anchor="end">${escapeHtml(r.key)}</text>` +
        `<rect x="160" y="${y + 4}" width="${barWidth}" height="18" fill="#eee"/>` +
        `<rect x="160" y="${y + 4}" width="${w}" height="18" fill="${provinceScale.colourOf(r.percent / 100)}"><title>${escapeHtml(describe(r.key, r.key, r))}</title></rect>` +
        `<text x="${160 + barWidth + 8}" y="${y + 17}">${escapeHtml(percent(r.percent))}</text>`
      );
    })
    .join('');
  const barChart = `<svg class="bars" viewBox="0 0 650 ${Math.max(1, byProvince.rows.length) * barRow + 4}" role="img" aria-label="${escapeHtml(t('issuer.province.chart'))}" data-testid="province-bars">${bars}</svg>`;

  /** A table; the columns from `firstNumber` on hold numbers (right-aligned), the first is the row's header. */
  const table = (
    head: string[],
    firstNumber: number,
    rows: string[][],
    foot?: string[],
    rowClass?: (i: number) => string,
  ) => {
    const num = (i: number) => (i >= firstNumber && i < firstNumber + 3 ? ' class="num"' : '');
    const line = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td${num(i)}>${c}</td>`)).join('');
    return (
      `<table><thead><tr>${head.map((h, i) => `<th scope="col"${num(i)}>${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
      `<tbody>${rows.map((cells, r) => `<tr${rowClass ? rowClass(r) : ''}>${line(cells)}</tr>`).join('')}</tbody>` +
      (foot ? `<tfoot><tr>${line(foot)}</tr></tfoot>` : '') +
      '</table>'
    );
  };
  const numbers = (r: { cards: number; collected: number; percent: number }) => [
    escapeHtml(whole.format(r.cards)),
    escapeHtml(whole.format(r.collected)),
    escapeHtml(percent(r.percent)),
  ];
  const totalsFoot = [escapeHtml(t('issuer.total')), ...numbers(total)];

  const provinceTable = table(
    [t('issuer.col.province'), t('issuer.col.cards'), t('issuer.col.collected'), t('issuer.col.percent')],
    1,
    byProvince.rows.map((r) => [escapeHtml(r.key), ...numbers(r)]),
    totalsFoot,
  );

  const cellOf = new Map(input.map.cells.map((c) => [c.postcode, c]));
  const unmapped = byPostcode.rows.filter((r) => !cellOf.has(r.key)).map((r) => r.key);
  const postcodeScale = rateScale(Math.max(0, ...byPostcode.rows.map((r) => r.percent / 100)));
  const postcodeTable = table(
    [
      t('issuer.col.postcode'),
      t('issuer.col.place'),
      t('issuer.col.cards'),
      t('issuer.col.collected'),
      t('issuer.col.percent'),
    ],
    2,
    byPostcode.rows.map((r) => [
      escapeHtml(r.key),
      escapeHtml(cellOf.get(r.key)?.plaats ?? ''),
      ...numbers(r),
    ]),
  );

  const stale: boolean[] = [];
  const pointRows = kept.map((report) => {
    const p = report.payload;
    const reported = brusselsDate(new Date(p.generatedAt));
    const age = Math.max(0, daysBetween(reported, today));
    const isStale = age > input.staleDays;
    stale.push(isStale);
    const row = byPoint.rows.find((r) => r.key === p.pointId) ?? { cards: 0, collected: 0, percent: 0 };
    return [
      escapeHtml(p.pointId),
      escapeHtml(p.pointName),
      ...numbers(row),
      escapeHtml(reported),
      escapeHtml(t(isStale ? 'issuer.age.stale' : 'issuer.age.days', { count: age })),
    ];
  });
  const pointTable = table(
    [
      t('issuer.col.point'),
      t('issuer.col.name'),
      t('issuer.col.cards'),
      t('issuer.col.collected'),
      t('issuer.col.percent'),
      t('issuer.col.lastReport'),
      t('issuer.col.age'),
    ],
    2,
    pointRows,
    [...totalsFoot.slice(0, 1), '', ...totalsFoot.slice(1), '', ''],
    (i) => (stale[i] ? ' class="stale"' : ''),
  );

  const subtitle =
    selection.cardYear === null
      ? t('issuer.subtitleNone', { date: today })
      : t('issuer.subtitle', { cardYear: selection.cardYear, points: kept.length, date: today });

  return `<!doctype html>
<html lang="${lang === 'nl' ? 'nl-BE' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(t('issuer.title'))}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(t('issuer.title'))}</h1>
<p class="sub">${escapeHtml(subtitle)}</p>
${problemsHtml}
<section aria-labelledby="totals-title"><h2 id="totals-title">${escapeHtml(t('issuer.totals.title'))}</h2>
<dl class="totals" data-testid="totals">
<div><dt>${escapeHtml(t('issuer.totals.cards'))}</dt><dd data-testid="total-cards">${escapeHtml(whole.format(total.cards))}</dd></div>
<div><dt>${escapeHtml(t('issuer.totals.collected'))}</dt><dd data-testid="total-collected">${escapeHtml(whole.format(total.collected))}</dd></div>
<div><dt>${escapeHtml(t('issuer.totals.percent'))}</dt><dd data-testid="total-percent">${escapeHtml(percent(total.percent))}</dd></div>
</dl></section>
<section aria-labelledby="province-title"><h2 id="province-title">${escapeHtml(t('issuer.province.title'))}</h2>
<div class="two">${barChart}<div>${provinceMapSvg({ map: input.map, counts: counts(byProvince.rows) as Map<Province, AreaCounts>, scale: provinceScale, label: t('issuer.province.map'), describe, testId: 'province-map' })}${legend(provinceScale)}</div></div>
${provinceTable}</section>
<section aria-labelledby="postcode-title"><h2 id="postcode-title">${escapeHtml(t('issuer.postcode.title'))}</h2>
${postcodeMapSvg({ map: input.map, counts: counts(byPostcode.rows), scale: postcodeScale, label: t('issuer.postcode.map', { count: byPostcode.rows.length - unmapped.length }), describe: (key, name, c) => describe(key, `${key} ${name}`, c), testId: 'postcode-map' })}
${legend(postcodeScale)}
${unmapped.length > 0 ? `<p>${escapeHtml(t('issuer.postcode.unmapped', { count: unmapped.length, postcodes: unmapped.join(', ') }))}</p>` : ''}
<details><summary>${escapeHtml(t('issuer.postcode.title'))}</summary>${postcodeTable}</details></section>
<section aria-labelledby="points-title"><h2 id="points-title">${escapeHtml(t('issuer.points.title'))}</h2>
<p>${escapeHtml(t('issuer.points.stale', { count: input.staleDays }))}</p>
${pointTable}</section>
</main>
</body>
</html>
`;
}

// Contrast: #b00020 on white is 6.6:1; the stale rows keep black text on a light red ground.
const STYLE = `
body{font-family:system-ui,"Segoe UI",Arial,sans-serif;color:#111;margin:0;background:#fff}
main{max-width:1100px;margin:0 auto;padding:16px 24px}
h1{font-size:1.6rem;margin:0 0 4px}
.sub{color:#444;margin:0 0 16px}
h2{font-size:1.2rem;margin:24px 0 8px}
.problems{border:3px solid #b00020;color:#b00020;padding:4px 16px;background:#fff}
.problems h2{margin-top:8px}
.totals{display:flex;gap:32px;margin:0}
.totals div{border:1px solid #ccc;padding:8px 16px;border-radius:6px}
.totals dt{font-size:.9rem;color:#333}
.totals dd{margin:0;font-size:1.8rem;font-weight:700}
.two{display:grid;grid-template-columns:1fr 1fr;gap:16px;align-items:start}
svg.bars{width:100%;height:auto;font-size:14px}
svg.be-map{width:100%;height:auto;max-height:640px}
.legend p{margin:4px 0}
.legend ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:4px 16px}
.swatch{display:inline-block;width:14px;height:14px;margin-right:6px;vertical-align:-2px;border:1px solid #555}
table{border-collapse:collapse;margin:8px 0;min-width:50%}
th,td{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left}
.num{text-align:right;font-variant-numeric:tabular-nums}
tfoot th,tfoot td{font-weight:700;border-top:2px solid #333}
tr.stale{background:#fde8ea}
tr.stale td:last-child{color:#b00020;font-weight:700}
@media print{main{padding:0}.two{grid-template-columns:1fr 1fr}details{display:none}section{break-inside:avoid}}
@page{size:A4;margin:12mm}
`;
