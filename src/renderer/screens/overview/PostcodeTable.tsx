import type { PlainTextKey } from '../../../shared/i18n/texts';
import { useState } from 'react';
import type { PostcodeStats } from '../../../shared/cards/cardStats';
import { useLang } from '../../app/i18n';
import { formatCount, formatPercent, rateOf } from './formatNumbers';
import type { RateScale } from '../../../shared/map/rateScale';
import { sortPostcodes } from './sortPostcodes';
import type { SortKey, SortOrder } from './sortPostcodes';

const COLUMNS: { key: SortKey; label: PlainTextKey; numeric: boolean }[] = [
  { key: 'postcode', label: 'common.postcode', numeric: false },
  { key: 'gemeente', label: 'overview.postcodes.gemeente', numeric: false },
  { key: 'cards', label: 'overview.postcodes.cards', numeric: true },
  { key: 'collected', label: 'overview.postcodes.collected', numeric: true },
  { key: 'rate', label: 'overview.postcodes.rate', numeric: true },
];

/** Cards and collection rate per postcode; click a column header to sort by it. */
export function PostcodeTable({ rows, scale }: { rows: PostcodeStats[]; scale: RateScale }) {
  const { t, lang } = useLang();
  const [order, setOrder] = useState<SortOrder>({ key: 'postcode', ascending: true });
  const sorted = sortPostcodes(rows, order);
  const sortBy = (key: SortKey) =>
    setOrder((o) => (o.key === key ? { key, ascending: !o.ascending } : { key, ascending: true }));
  return (
    <table className="overview-table" data-testid="postcode-table">
      <caption className="sr-only">{t('overview.postcodes.caption')}</caption>
      <thead>
        <tr>
          {COLUMNS.map((c) => {
            const active = order.key === c.key;
            return (
              <th
                key={c.key}
                scope="col"
                className={c.numeric ? 'num' : undefined}
                aria-sort={active ? (order.ascending ? 'ascending' : 'descending') : undefined}
              >
                <button type="button" className="sort-button" onClick={() => sortBy(c.key)}>
                  {t(c.label)}
                  <span aria-hidden="true" className="sort-mark">
                    {active ? (order.ascending ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.postcode} data-postcode={r.postcode}>
            <td>{r.postcode}</td>
            <td>{r.gemeente ?? ''}</td>
            <td className="num">{formatCount(r.cards, lang)}</td>
            <td className="num">{formatCount(r.collected, lang)}</td>
            <td className="num">
              <span
                className="rate-swatch"
                aria-hidden="true"
                style={{ background: scale.colourOf(rateOf(r.collected, r.cards)) }}
              />
              {formatPercent(r.collected, r.cards, lang)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
