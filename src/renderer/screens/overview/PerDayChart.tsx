import { useId, useState } from 'react';
import { formatDay, useLang } from '../../app/i18n';
import { fillDays } from '../../../shared/cards/fillDays';
import type { DayCount } from '../../../shared/cards/fillDays';
import { formatCount } from './formatNumbers';
import { PerDayTable } from './PerDayTable';

const W = 1000;
const H = 260;
const LEFT = 56;
const BOTTOM = 44;
const TOP = 12;

function niceMax(max: number): number {
  if (max <= 4) return Math.max(max, 1);
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / (step / 2)) * (step / 2);
}

/** Hand-outs per day as bars; an image with a summary for screen readers and a data table. */
export function PerDayChart({ perDay }: { perDay: DayCount[] }) {
  const { t, lang } = useLang();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const days = fillDays(perDay);
  if (days.length === 0) {
    return (
      <section className="panel" aria-labelledby="overview-days-title">
        <h2 id="overview-days-title">{t('overview.days.title')}</h2>
        <p>{t('overview.days.none')}</p>
      </section>
    );
  }
  const total = perDay.reduce((sum, d) => sum + d.handedOut, 0);
  const busiest = perDay.reduce((best, d) => (d.handedOut > best.handedOut ? d : best));
  const top = niceMax(busiest.handedOut);
  const plotW = W - LEFT - 8;
  const plotH = H - TOP - BOTTOM;
  const slot = plotW / days.length;
  const barW = Math.max(1, Math.min(slot * 0.8, 60));
  const labelEvery = Math.ceil(days.length / 10);
  const ticks = [0, top / 2, top].filter((v, i, all) => Number.isInteger(v) && all.indexOf(v) === i);
  const summary = t('overview.days.summary', {
    count: perDay.length,
    total: formatCount(total, lang),
    first: formatDay(perDay[0]?.day ?? ''),
    last: formatDay(perDay[perDay.length - 1]?.day ?? ''),
    busiestDay: formatDay(busiest.day),
    busiest: formatCount(busiest.handedOut, lang),
  });
  return (
    <section className="panel" aria-labelledby="overview-days-title">
      <h2 id="overview-days-title">{t('overview.days.title')}</h2>
      <svg
        className="overview-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={summary}
        data-testid="per-day-chart"
      >
        {ticks.map((v) => {
          const y = TOP + plotH - (v / top) * plotH;
          return (
            <g key={v}>
              <line x1={LEFT} x2={W - 8} y1={y} y2={y} className="chart-grid" />
              <text x={LEFT - 8} y={y + 6} textAnchor="end" className="chart-label">
                {formatCount(v, lang)}
              </text>
            </g>
          );
        })}
        {days.map((d, i) => {
          const h = (d.handedOut / top) * plotH;
          const x = LEFT + i * slot + (slot - barW) / 2;
          return (
            <g key={d.day} data-day={d.day} data-count={d.handedOut}>
              <rect x={x} y={TOP + plotH - h} width={barW} height={h} className="chart-bar">
                <title>{t('overview.days.bar', { day: formatDay(d.day), n: d.handedOut })}</title>
              </rect>
              {i % labelEvery === 0 && (
                <text x={x + barW / 2} y={H - BOTTOM + 24} textAnchor="middle" className="chart-label">
                  {formatDay(d.day).slice(0, 5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <p className="overview-caption">{summary}</p>
      <button
        type="button"
        className="secondary-button"
        aria-expanded={showTable}
        aria-controls={tableId}
        onClick={() => setShowTable(!showTable)}
      >
        {showTable ? t('overview.days.hideTable') : t('overview.days.showTable')}
      </button>
      <div id={tableId} hidden={!showTable}>
        <PerDayTable perDay={perDay} />
      </div>
    </section>
  );
}
