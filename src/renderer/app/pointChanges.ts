import { createContext, useContext } from 'react';

/**
 * The store's event count as the header last read it (`PointStatusView.changes`): an open card
 * checks itself again when it rises, so a hand-out at another desk shows without a reload. The
 * header already asks every 2 s; this adds no request of its own.
 */
export const PointChangesContext = createContext<number>(0);

export function usePointChanges(): number {
  return useContext(PointChangesContext);
}
