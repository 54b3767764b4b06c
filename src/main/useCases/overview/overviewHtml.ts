import type { OverviewStats, PostcodeMapPoint } from '../../../shared/api/apiTypes';
import { fillDays } from '../../../shared/cards/fillDays';
import { escapeHtml } from '../../../shared/desk/receipt';
import { belgianDate } from '../../../shared/i18n/deskText';
import { textsFor } from '../../../shared/i18n/texts';
import type { Lang } from '../../../shared/lang';
import { legendHtml, postcodeMapSvg, type AreaCounts } from '../../../shared/map/mapSvg';
import type { PostcodeCellMap } from '../../../shared/map/postcodeCells';
import { rateScale } from '../../../shared/map/rateScale';
import { brusselsDate, brusselsTime } from '../../../shared/time/brussels';

export interface OverviewHtmlInput {
  stats: OverviewStats;
  points: readonly PostcodeMapPoint[];
  map: PostcodeCellMap;
  pointName: string;
  now: Date;
  lang: Lang;
}

/**
 * The Overzicht as one A4 page for the library's own reporting: the totals, the per-day chart and
 * the map of the point's postcodes, printed by Chromium (platform/htmlToPdf) as the receipt is.
 * No script and no URL: what the desk shows, in static HTML and SVG.
 */
export function renderOverviewHtml(input: OverviewHtmlInput): string {
  const { stats, lang } = input;
  const t = textsFor(lang);
  const locale = lang === 'nl' ? 'nl-BE' : 'en-GB';
  const whole = new Intl.NumberFormat(locale);
  const pct = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percent = (part: number, all: number) => `${pct.format(all === 0 ? 0 : (part / all) * 100)}%`;
  const { totals } = stats;

  const counts = [
    [totals.waiting, t('overview.totals.waiting')],
    [totals.revoked, t('overview.totals.revoked')],
    [totals.replaced, t('overview.totals.replaced')],
    [totals.returned, t('overview.totals.returned')],
    [stats.leftovers, t('overview.totals.leftovers')],
  ] as const;
  const totalsHtml =
    `<p class="big"><span>${escapeHtml(percent(totals.collected, totals.cards))}</span> ` +
    `${escapeHtml(t('overview.totals.collectedOf', { collected: whole.format(totals.collected), cards: whole.format(totals.cards) }))}</p>` +
    `<ul class="counts">${counts.map(([n, text]) => `<li><strong>${escapeHtml(whole.format(n))}</strong> ${escapeHtml(text)}</li>`).join('')}</ul>`;

  const scale = rateScale(
    Math.max(0, ...input.points.map((p) => (p.cards === 0 ? 0 : p.collected / p.cards))),
  );
  const mapCounts = new Map<string, AreaCounts>(input.points.map((p) => [p.postcode, p]));
  const byPostcode = new Map(input.points.map((p) => [p.postcode, p]));
  const mapHtml =
    input.points.length === 0
      ? `<p>${escapeHtml(t('overview.map.none'))}</p>`
      : postcodeMapSvg({
          map: input.map,
          counts: mapCounts,
          scale,
          zoom: true,
          testId: 'overview-pdf-map',
          label: t('overview.postcodes.title'),
          describe: (postcode, plaats, c) =>
            t('overview.map.dot', {
              postcode,
              plaats: byPostcode.get(postcode)?.plaats ?? plaats,
              collected: whole.format(c.collected),
              cards: whole.format(c.cards),
              percent: percent(c.collected, c.cards),
            }),
        }) +
        legendHtml(scale, t('overview.map.legendColour'), (from, to, last) =>
          t(last ? 'overview.map.legendLast' : 'overview.map.legendRange', { from, to }),
        );
  const lowest = [...input.points]
    .filter((p) => p.cards > 0)
    .sort((a, b) => a.collected / a.cards - b.collected / b.cards || b.cards - a.cards)
    .slice(0, 3)
    .map((p) => `${p.postcode} ${p.plaats} (${percent(p.collected, p.cards)})`)
    .join(', ');

  return `<!doctype html>
<html lang="${lang === 'nl' ? 'nl-BE' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(t('overview.pdf.title', { point: input.pointName }))}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(t('overview.pdf.title', { point: input.pointName }))}</h1>
<p class="sub">${escapeHtml(t('overview.pdf.made', { date: belgianDate(brusselsDate(input.now)), time: brusselsTime(input.now) }))}</p>
<section><h2>${escapeHtml(t('overview.totals.title'))}</h2>${totalsHtml}</section>
<section><h2>${escapeHtml(t('overview.days.title'))}</h2>${perDaySvg(stats, t, whole)}</section>
<section><h2>${escapeHtml(t('overview.postcodes.title'))}</h2>${mapHtml}
${lowest ? `<p class="sub">${escapeHtml(t('overview.map.lowest', { lowest }))}</p>` : ''}</section>
</body>
</html>
`;
}

function perDaySvg(stats: OverviewStats, t: ReturnType<typeof textsFor>, whole: Intl.NumberFormat): string {
  const days = fillDays(stats.perDay);
  if (days.length === 0) return `<p>${escapeHtml(t('overview.days.none'))}</p>`;
  const [W, H, left, bottom, top] = [1000, 200, 50, 30, 10];
  const max = Math.max(1, ...days.map((d) => d.handedOut));
  const slot = (W - left - 8) / days.length;
  const barW = Math.max(1, Math.min(slot * 0.8, 60));
  const plotH = H - top - bottom;
  const labelEvery = Math.ceil(days.length / 10);
  const bars = days
    .map((d, i) => {
      const h = (d.handedOut / max) * plotH;
      const x = left + i * slot + (slot - barW) / 2;
      const label =
        i % labelEvery === 0
          ? `<text x="${x + barW / 2}" y="${H - 8}" text-anchor="middle">${escapeHtml(d.day.slice(8, 10))}-${escapeHtml(d.day.slice(5, 7))}</text>`
          : '';
      return `<rect x="${x.toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="#2456a6"/>${label}`;
    })
    .join('');
  const axis = `<line x1="${left}" y1="${top + plotH}" x2="${W}" y2="${top + plotH}" stroke="#999"/><text x="${left - 8}" y="${top + 10}" text-anchor="end">${escapeHtml(whole.format(max))}</text><text x="${left - 8}" y="${top + plotH}" text-anchor="end">0</text>`;
  return `<svg class="days" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(t('overview.days.title'))}">${axis}${bars}</svg>`;
}

const STYLE = `
@page{size:A4;margin:12mm}
body{font-family:system-ui,"Segoe UI",Arial,sans-serif;color:#111;margin:0;font-size:11pt}
h1{font-size:18pt;margin:0}
h2{font-size:13pt;margin:10px 0 4px}
.sub{color:#444;margin:2px 0 6px}
.big{margin:0;font-size:13pt;font-weight:700}
.big span{font-size:26pt}
.counts{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:2px 18px}
svg.days{width:100%;height:auto;font-size:16px;fill:#333}
svg.be-map{display:block;width:100%;max-height:125mm}
.legend p{margin:4px 0 2px}
.legend ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:2px 14px}
.swatch{display:inline-block;width:11px;height:11px;margin-right:5px;border:1px solid #555;vertical-align:-1px}
section{break-inside:avoid}
`;
