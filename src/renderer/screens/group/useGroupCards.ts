import type { ApiFailure } from '../../../shared/api/contract';
import { useCallback, useRef, useState } from 'react';
import { useDesk } from '../../app/session';
import type { GroupCard } from './groupTypes';

/** The cards of the group being put together; each is checked with the store when added. */
export function useGroupCards() {
  const { api } = useDesk();
  const [cards, setCardsState] = useState<GroupCard[]>([]);
  // The last check that got no answer: the screen offers to check the unchecked cards again.
  const [failure, setFailure] = useState<ApiFailure<'checkCard'> | null>(null);
  // The latest list, for deciding synchronously whether a scan is a duplicate.
  const latest = useRef<GroupCard[]>([]);

  const update = useCallback((change: (current: GroupCard[]) => GroupCard[]) => {
    latest.current = change(latest.current);
    setCardsState(latest.current);
  }, []);

  const check = useCallback(
    (card: string) => {
      void api.checkCard({ card }).then((result) => {
        if (result.ok) {
          update((current) => current.map((c) => (c.card === card ? { ...c, check: result.value } : c)));
          if (latest.current.every((c) => c.check !== null)) setFailure(null);
        } else setFailure(result);
      });
    },
    [api, update],
  );

  const add = useCallback(
    (card: string): 'added' | 'duplicate' => {
      if (latest.current.some((c) => c.card === card)) return 'duplicate';
      update((current) => [...current, { card, check: null, refusedBecause: null }]);
      check(card);
      return 'added';
    },
    [check, update],
  );

  const recheck = useCallback(() => {
    setFailure(null);
    for (const c of latest.current) if (c.check === null) check(c.card);
  }, [check]);

  const remove = useCallback(
    (card: string) => update((current) => current.filter((c) => c.card !== card)),
    [update],
  );
  const clear = useCallback(() => {
    setFailure(null);
    update(() => []);
  }, [update]);
  const markRefused = useCallback(
    (reasons: Map<string, string>) =>
      update((current) => current.map((c) => ({ ...c, refusedBecause: reasons.get(c.card) ?? null }))),
    [update],
  );

  return { cards, add, remove, clear, markRefused, failure, recheck };
}
