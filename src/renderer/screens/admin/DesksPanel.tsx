import { useCallback, useEffect, useState } from 'react';
import type { PairingView, PointDeskView } from '../../../shared/api/apiTypes';
import { useLang } from '../../app/i18n';
import { useDesk } from '../../app/session';
import { describeAdminFailure } from './adminFailureText';
import { Notice } from './Notice';
import { HandoverSection } from './HandoverSection';
import { JoinSection } from './JoinSection';
import { TakeoverSection } from './TakeoverSection';
import { UnpairSection } from './UnpairSection';

/**
 * Beheer → Balies: the point's desks, this desk's role, a pairing code on the host, revoking a
 * lost PC, handing the host role over (host) or taking it over (desk), unpairing (desk).
 */
export function DesksPanel({ pin }: { pin: string }) {
  const { api, refresh } = useDesk();
  const { t, lang } = useLang();
  const [desks, setDesks] = useState<PointDeskView[]>([]);
  const [pairing, setPairing] = useState<PairingView | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'stop'; text: string } | null>(null);
  const [hostName, setHostName] = useState<string | null>(null);
  const [role, setRole] = useState<'host' | 'desk' | null>(null);
  const [canJoin, setCanJoin] = useState(false);

  const load = useCallback(async () => {
    const result = await api.pointDesks({});
    if (result.ok) setDesks(result.value);
    const status = await api.pointStatus({});
    setHostName(status.ok && status.value.role === 'desk' ? (status.value.hostName ?? '?') : null);
    setRole(status.ok ? status.value.role : null);
    setCanJoin(status.ok && status.value.canJoin);
  }, [api]);
  const roleChanged = async (text: string) => {
    setMessage({ tone: 'ok', text });
    await load();
  };
  const joined = async (text: string) => {
    setMessage({ tone: 'ok', text });
    // The store is the point's copy now: its name, desk name and staff come from the host.
    await refresh();
    await load();
  };
  const successors = desks.filter((d) => !d.revoked && !d.isHost).map((d) => d.name);
  useEffect(() => {
    void load();
  }, [load]);

  const pair = async () => {
    setMessage(null);
    const result = await api.openPairing({ adminPin: pin });
    if (result.ok) setPairing(result.value);
    else setMessage({ tone: 'stop', text: describeAdminFailure(result, t, lang) });
  };
  const revoke = async (name: string) => {
    const result = await api.revokeDesk({ name, adminPin: pin });
    setMessage(
      result.ok
        ? { tone: 'ok', text: t('point.revoked', { name }) }
        : { tone: 'stop', text: describeAdminFailure(result, t, lang) },
    );
    await load();
  };

  return (
    <section className="panel" aria-labelledby="admin-desks-title">
      <h2 id="admin-desks-title">{t('point.desks.title')}</h2>
      <p>{t('point.desks.intro')}</p>
      {role !== null && (
        <p data-testid="desk-role">
          {role === 'host'
            ? t('point.role.thisIsHost')
            : t('point.role.thisIsDesk', { host: hostName ?? '?' })}
        </p>
      )}
      {role === 'host' && (
        <button type="button" className="big-button" onClick={() => void pair()}>
          {t('point.desks.pair')}
        </button>
      )}
      {pairing && (
        <p className="pairing-code" data-testid="pairing-code">
          {t('point.desks.code', pairing)}
        </p>
      )}
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {desks.length === 0 ? (
        <p>{t('point.desks.none')}</p>
      ) : (
        <table className="overview-table" data-testid="desk-table">
          <caption className="sr-only">{t('point.desks.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('point.desks.name')}</th>
              <th scope="col">{t('point.desks.state')}</th>
              <th scope="col">{t('point.desks.lastSync')}</th>
              <th scope="col" className="num">
                {t('point.desks.lag')}
              </th>
              <th scope="col">
                <span className="sr-only">{t('point.desks.revoke', { name: '' })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {desks.map((d) => (
              <tr key={d.name}>
                <td>
                  {d.name}
                  {d.isHost ? ` (${t('point.desks.host')})` : ''}
                </td>
                <td>
                  {d.unpaired
                    ? t('point.desks.unpairedState')
                    : d.revoked
                      ? t('point.desks.revokedState')
                      : d.online
                        ? t('point.desks.online')
                        : t('point.desks.offline')}
                </td>
                <td>{d.lastSyncAt?.slice(0, 16).replace('T', ' ') ?? '—'}</td>
                <td className="num">{d.lagEvents}</td>
                <td>
                  {!d.revoked && !d.isHost && (
                    <button type="button" className="secondary-button" onClick={() => void revoke(d.name)}>
                      {t('point.desks.revoke', { name: d.name })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canJoin && <JoinSection onJoined={(text) => void joined(text)} />}
      {role === 'host' && successors.length > 0 && (
        <HandoverSection desks={successors} onDone={(text) => void roleChanged(text)} />
      )}
      {hostName !== null && <TakeoverSection hostName={hostName} onDone={(text) => void roleChanged(text)} />}
      {hostName !== null && <UnpairSection hostName={hostName} />}
    </section>
  );
}
