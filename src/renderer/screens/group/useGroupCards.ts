import { useCallback, useRef, useState } from 'react';
import { useDesk } from '../../app/session';
import type { GroupCard } from './groupTypes';

/** The cards of the group being put together; each is checked with the store when added. */
export function useGroupCards() {
  const { api } = useDesk();
  const [cards, setCardsState] = useState<GroupCard[]>([]);
  // The latest list, for deciding synchronously whether a scan is a duplicate.
  const latest = useRef<GroupCard[]>([]);

  const update = useCallback((change: (current: GroupCard[]) => GroupCard[]) => {
    latest.current = change(latest.current);
    setCardsState(latest.current);
  }, []);

  const add = useCallback(
    (card: string): 'added' | 'duplicate' => {
      if (latest.current.some((c) => c.card === card)) return 'duplicate';
      update((current) => [...current, { card, check: null, refusedBecause: null }]);
      void api.checkCard({ card }).then((result) => {
        if (result.ok)
          update((current) => current.map((c) => (c.card === card ? { ...c, check: result.value } : c)));
      });
      return 'added';
    },
    [api, update],
  );

  const remove = useCallback(
    (card: string) => update((current) => current.filter((c) => c.card !== card)),
    [update],
  );
  const clear = useCallback(() => update(() => []), [update]);
  const markRefused = useCallback(
    (reasons: Map<string, string>) =>
      update((current) => current.map((c) => ({ ...c, refusedBecause: reasons.get(c.card) ?? null }))),
    [update],
  );

  return { cards, add, remove, clear, markRefused };
}
