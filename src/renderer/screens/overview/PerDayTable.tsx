import { formatDay, useLang } from '../../app/i18n';
import type { DayCount } from '../../../shared/cards/fillDays';
import { formatCount } from './formatNumbers';

/** The chart's data as a table, for anyone who prefers numbers. */
export function PerDayTable({ perDay }: { perDay: DayCount[] }) {
  const { t, lang } = useLang();
  return (
    <table className="overview-table" data-testid="per-day-table">
      <caption className="sr-only">{t('overview.days.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('overview.days.day')}</th>
          <th scope="col" className="num">
            {t('overview.days.handedOut')}
          </th>
        </tr>
      </thead>
      <tbody>
        {perDay.map((d) => (
          <tr key={d.day}>
            <td>{formatDay(d.day)}</td>
            <td className="num">{formatCount(d.handedOut, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
