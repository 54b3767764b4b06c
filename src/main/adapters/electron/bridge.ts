import { ipcChannelFor } from '../../platform/security/windowPolicy';

/**
 * What the preload exposes as `window.balie`: one function, restricted to the contract's method
 * names, nothing else (no ipcRenderer, no events, no Node). Kept free of electron imports so it is
 * tested under Node; preload.ts passes ipcRenderer.invoke in.
 */
export interface BalieBridge {
  invoke(method: string, args: unknown): Promise<unknown>;
}

export function createBalieBridge(
  methods: readonly string[],
  ipcInvoke: (channel: string, args: unknown) => Promise<unknown>,
): BalieBridge {
  const allowed = new Set(methods);
  return Object.freeze({
    invoke(method: string, args: unknown): Promise<unknown> {
      if (typeof method !== 'string' || !allowed.has(method)) {
        return Promise.reject(new Error(`Onbekende API-methode: ${String(method)}`));
      }
      return ipcInvoke(ipcChannelFor(method), args === undefined ? {} : args);
    },
  });
}
