import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../shared/api/apiTypes';
import type { ApiClient } from '../../shared/api/contract';
import type { OnProgress } from './progressFeed';

export interface DeskSession {
  api: ApiClient;
  session: SessionInfo;
  /** The staff member who started this shift; kept on every event. */
  staff: string;
  /** Reload session info after an import or a settings change. */
  refresh(): Promise<void>;
  /** Progress of long work (import, report, backup) while it runs in main's worker thread. */
  onProgress: OnProgress;
  /** This desk unpaired and wiped its copy: the app shows only that (its store is closed). */
  onDeskWiped(text: string): void;
}

export const SessionContext = createContext<DeskSession | null>(null);

export function useDesk(): DeskSession {
  const desk = useContext(SessionContext);
  if (!desk) throw new Error('useDesk outside SessionContext');
  return desk;
}
