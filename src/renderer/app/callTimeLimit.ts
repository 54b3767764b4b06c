import type { ApiMethod } from '../../shared/api/contract';

/**
 * How long the desk waits for an answer before it says "er ging iets mis" and frees the button.
 * Generous: a desk call takes milliseconds, an import of the largest package seconds. A late
 * answer is dropped; repeating the request is safe (same requestId, one hand-out).
 */
export function callTimeLimitMs(method: ApiMethod): number {
  switch (method) {
    case 'importPackage':
      return 10 * 60_000;
    case 'exportReport':
    case 'backupNow':
      return 2 * 60_000;
    default:
      return 30_000;
  }
}
