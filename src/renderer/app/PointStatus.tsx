import { useEffect, useState } from 'react';
import type { ApiClient } from '../../shared/api/contract';
import type { PointStatusView } from '../../shared/api/apiTypes';
import { Icon } from './icons';
import { useT } from './i18n';

/** How often the header asks; the desk's sync service notes every contact in the store. */
const POLL_MS = 2000;

/**
 * The header's word on the point's desks: online with N desks (green), or offline since HH:MM
 * (amber) with the reminder that scanning the card is what catches an offline double.
 * A desk alone shows nothing.
 */
export function PointStatus({ api, onChanges }: { api: ApiClient; onChanges(changes: number): void }) {
  const t = useT();
  const [status, setStatus] = useState<PointStatusView | null>(null);
  useEffect(() => {
    let live = true;
    const ask = () =>
      void api.pointStatus({}).then((answer) => {
        if (!live || !answer.ok) return;
        setStatus(answer.value);
        onChanges(answer.value.changes);
      });
    ask();
    const timer = window.setInterval(ask, POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [api, onChanges]);
  if (!status?.paired) return null;
  return (
    <div className="point-status" role="status" aria-live="polite">
      <span className="badge tone-info" data-point="role">
        <Icon name="info" size={18} />
        {status.role === 'host'
          ? t('point.role.host')
          : t('point.role.desk', { host: status.hostName ?? '?' })}
      </span>
      {status.online ? (
        <span className="badge tone-ok" data-point="online">
          <Icon name="ok" size={18} />
          {t('point.online', { count: status.desksOnline })}
        </span>
      ) : (
        <span className="badge tone-warning" data-point="offline" title={t('point.scanTheCard')}>
          <Icon name="warning" size={18} />
          {status.offlineSince ? t('point.offline', { time: status.offlineSince }) : t('point.offlineNever')}
        </span>
      )}
      {status.anomalies > 0 && (
        <span className="badge tone-stop" data-point="anomalies">
          <Icon name="stop" size={18} />
          {t('point.anomalies', { count: status.anomalies })}
        </span>
      )}
      {status.clockDriftMinutes !== null && (
        <span className="badge tone-warning" data-point="clock">
          <Icon name="clock" size={18} />
          {t('point.clockDrift', { minutes: Math.abs(status.clockDriftMinutes) })}
        </span>
      )}
    </div>
  );
}
