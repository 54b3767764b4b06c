import type { ApiFailure } from '../../shared/api/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CardSummary } from '../../shared/cards/cardStatus';
import { useDesk } from '../app/session';

export interface CardSearchState {
  query: string;
  setQuery(query: string): void;
  /** Results of the latest answered query; `forQuery` says which query they belong to. */
  results: CardSummary[];
  forQuery: string;
  /** The latest query got no answer (server gone, …): shown with a retry, never as "no match". */
  failure: ApiFailure<'search'> | null;
  retry(): void;
}

const RESULT_LIMIT = 20;

/**
 * Results as staff type: every keystroke asks (search is fast), and an answer is shown only if it
 * belongs to the newest request, so a slow early answer never overwrites a later one.
 */
export function useCardSearch(): CardSearchState {
  const { api } = useDesk();
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<{
    forQuery: string;
    results: CardSummary[];
    failure: ApiFailure<'search'> | null;
  }>({ forQuery: '', results: [], failure: null });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    const trimmed = query.trim();
    if (trimmed === '') {
      setAnswer({ forQuery: query, results: [], failure: null });
      return;
    }
    void api.search({ query: trimmed.slice(0, 300), limit: RESULT_LIMIT }).then((result) => {
      if (request !== latest.current) return;
      setAnswer(
        result.ok
          ? { forQuery: query, results: result.value, failure: null }
          : { forQuery: query, results: [], failure: result },
      );
    });
  }, [api, query, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return {
    query,
    setQuery,
    results: answer.results,
    forQuery: answer.forQuery,
    failure: answer.failure,
    retry,
  };
}
