import { claimAnswerOf } from '../../src/main/useCases/point/hostLink';
import type { ClaimAnswer, HostLink } from '../../src/main/useCases/point/hostLink';
import { confirmClaim } from '../../src/main/useCases/point/confirmClaim';
import type { StoreContext } from '../../src/main/store/storeContext';
import type { WireEvent, WireGroup } from '../../src/shared/point/syncMessages';

/**
 * A host link that answers with the real host use case on another store, in-process, or stays
 * silent ("offline"), as a host behind a dropped LAN does. Records every claim it was asked.
 */
export function inProcessHost(host: StoreContext): HostLink & {
  offline: boolean;
  claims: Array<{ events: WireEvent[]; group: WireGroup | null }>;
} {
  const link = {
    offline: false,
    claims: [] as Array<{ events: WireEvent[]; group: WireGroup | null }>,
    async claim(events: WireEvent[], group: WireGroup | null): Promise<ClaimAnswer> {
      link.claims.push({ events, group });
      if (link.offline) return { kind: 'offline' };
      return claimAnswerOf(confirmClaim(host, events[0]?.deskId ?? '?', events, group));
    },
  };
  return link;
}
