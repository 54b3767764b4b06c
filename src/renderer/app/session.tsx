import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../shared/api/apiTypes';
import type { ApiClient } from '../../shared/api/contract';

export interface DeskSession {
  api: ApiClient;
  session: SessionInfo;
  /** The staff member who started this shift; kept on every event. */
  staff: string;
  /** Reload session info after an import or a settings change. */
  refresh(): Promise<void>;
}

export const SessionContext = createContext<DeskSession | null>(null);

export function useDesk(): DeskSession {
  const desk = useContext(SessionContext);
  if (!desk) throw new Error('useDesk outside SessionContext');
  return desk;
}
