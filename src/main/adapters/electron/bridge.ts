import { ipcChannelFor, PROGRESS_CHANNEL } from '../../platform/security/windowPolicy';

/**
 * What the preload exposes as `window.balie`: invoke, restricted to the contract's method names,
 * and onProgress, which hands the listener the progress value only (never the IPC event, whose
 * sender is a way into Electron). No ipcRenderer, no other events, no Node. Kept free of electron
 * imports so it is tested under Node; preload.ts passes ipcRenderer's functions in.
 */
export interface BalieBridge {
  invoke(method: string, args: unknown): Promise<unknown>;
  /** Returns the unsubscribe. The renderer checks each value with progressSchema. */
  onProgress(listener: (progress: unknown) => void): () => void;
}

export interface IpcEvents {
  on(channel: string, handler: (event: unknown, value: unknown) => void): void;
  removeListener(channel: string, handler: (event: unknown, value: unknown) => void): void;
}

export function createBalieBridge(
  methods: readonly string[],
  ipcInvoke: (channel: string, args: unknown) => Promise<unknown>,
  ipcEvents?: IpcEvents,
): BalieBridge {
  const allowed = new Set(methods);
  return Object.freeze({
    invoke(method: string, args: unknown): Promise<unknown> {
      if (typeof method !== 'string' || !allowed.has(method)) {
        return Promise.reject(new Error(`Onbekende API-methode: ${String(method)}`));
      }
      return ipcInvoke(ipcChannelFor(method), args === undefined ? {} : args);
    },
    onProgress(listener: (progress: unknown) => void): () => void {
      if (typeof listener !== 'function' || !ipcEvents) return () => {};
      const handler = (_event: unknown, value: unknown) => listener(value);
      ipcEvents.on(PROGRESS_CHANNEL, handler);
      return () => ipcEvents.removeListener(PROGRESS_CHANNEL, handler);
    },
  });
}
