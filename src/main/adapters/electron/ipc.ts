import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiHandlers } from '../../../shared/api/contract';
import { API_METHODS } from '../../../shared/api/contract';
import { INTERNAL_FAILURE, unavailable } from '../../../shared/api/transportFailure';
import { ipcChannelFor, isTrustedSender } from '../../platform/security/windowPolicy';
import type { Logger } from './log';
import type { Progress } from '../../../shared/api/progress';
import { PROGRESS_CHANNEL } from '../../platform/security/windowPolicy';
import type { ProgressHub } from '../worker/progressHub';

/** The part of a window's webContents that progress needs. */
export interface ProgressTarget {
  isDestroyed(): boolean;
  getURL(): string;
  send(channel: string, value: Progress): void;
}

/** The frame facts the sender check needs, read from an invoke event. */
export function senderOf(
  event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>,
): { url: string; isMainFrame: boolean } | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  return { url: frame.url, isMainFrame: frame === event.sender.mainFrame };
}

/**
 * Registers every contract method as `balie:<method>`. A call from anything but the app's own
 * main frame is refused before a handler runs (`unavailable/refused`); the handlers validate the
 * arguments themselves. An unexpected exception becomes the contract's `{ ok: false, error:
 * 'internal' }` and a log line — the same values the HTTP transport gives.
 */
export function registerApiIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: ApiHandlers,
  log: Logger,
): () => void {
  for (const method of API_METHODS) {
    const handler = handlers[method] as (args: unknown) => Promise<unknown>;
    ipcMain.handle(ipcChannelFor(method), async (event, args: unknown) => {
      const sender = senderOf(event);
      if (!isTrustedSender(sender)) {
        log.warn(
          `IPC ${method} refused: sender ${sender ? `${sender.url} (main frame: ${sender.isMainFrame})` : 'unknown'}`,
        );
        return unavailable('refused');
      }
      try {
        return await handler(args);
      } catch (error) {
        log.error(`API ${method} failed: ${(error as Error).stack ?? String(error)}`);
        return INTERNAL_FAILURE;
      }
    });
  }
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(ipcChannelFor(method));
  };
}

/**
 * Sends long work's progress to the trusted main window only: never to another window, and not
 * while the window shows anything but the app's own page (the same rule as the sender check).
 */
export function forwardProgressIpc(
  hub: Pick<ProgressHub, 'subscribe'>,
  mainWindow: () => ProgressTarget | null,
): () => void {
  return hub.subscribe((progress) => {
    const target = mainWindow();
    if (!target || target.isDestroyed()) return;
    if (!isTrustedSender({ url: target.getURL(), isMainFrame: true })) return;
    target.send(PROGRESS_CHANNEL, progress);
  });
}
