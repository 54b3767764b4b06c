import type { ApiFailure } from '../../shared/api/contract';
import { useCallback, useRef, useState } from 'react';
import type { CardSummary } from '../../shared/cards/cardStatus';
import { useDesk } from '../app/session';

export interface CardSearchState {
  query: string;
  setQuery(query: string): void;
  /**
   * Ask for `query` now, before the field holds it: the keydown of a letter knows what the field
   * will say, a few milliseconds before its input event does. setQuery with the same text then
   * asks nothing new; with other text (a guess that was wrong) it asks as always.
   */
  askAhead(query: string): void;
  /** Results of the latest answered query; `forQuery` says which query they belong to. */
  results: CardSummary[];
  forQuery: string;
  /** The latest query got no answer (server gone, …): shown with a retry, never as "no match". */
  failure: ApiFailure<'search'> | null;
  retry(): void;
}

const RESULT_LIMIT = 20;

/**
 * Results as staff type: one search in flight at a time. A keystroke while one is out only notes
 * the newest query, which is asked the moment the answer arrives; queries typed in between are
 * never sent (a fast typist costs no more server work than the answers can keep up with). An
 * answer is shown only if it belongs to the newest query, so a slow early answer never
 * overwrites a later one.
 */
export function useCardSearch(): CardSearchState {
  const { api } = useDesk();
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<{
    forQuery: string;
    results: CardSummary[];
    failure: ApiFailure<'search'> | null;
  }>({ forQuery: '', results: [], failure: null });
  const latest = useRef(0);
  const inFlight = useRef(false);
  const next = useRef<{ query: string; request: number } | null>(null);

  const send = useCallback(() => {
    const wanted = next.current;
    if (wanted === null || inFlight.current) return;
    next.current = null;
    inFlight.current = true;
    void api.search({ query: wanted.query.trim().slice(0, 300), limit: RESULT_LIMIT }).then((result) => {
      inFlight.current = false;
      if (wanted.request === latest.current)
        setAnswer(
          result.ok
            ? { forQuery: wanted.query, results: result.value, failure: null }
            : { forQuery: wanted.query, results: [], failure: result },
        );
      send();
    });
  }, [api]);

  // The text of the newest request: asking the same text again adds nothing.
  const asked = useRef<string | null>(null);
  // Asked from the keystroke's own handler, before React renders it: the round trip overlaps
  // the render of the typed character instead of waiting for it.
  const ask = useCallback(
    (typed: string, again = false) => {
      if (typed === asked.current && !again) return;
      asked.current = typed;
      const request = ++latest.current;
      if (typed.trim() === '') {
        next.current = null;
        setAnswer({ forQuery: typed, results: [], failure: null });
        return;
      }
      next.current = { query: typed, request };
      send();
    },
    [send],
  );
  const typed = useRef('');
  const setQueryAndAsk = useCallback(
    (value: string) => {
      typed.current = value;
      setQuery(value);
      ask(value);
    },
    [ask],
  );
  const retry = useCallback(() => ask(typed.current, true), [ask]);
  return {
    query,
    setQuery: setQueryAndAsk,
    askAhead: ask,
    results: answer.results,
    forQuery: answer.forQuery,
    failure: answer.failure,
    retry,
  };
}
