import type { ApiClient, ApiMethod } from '../../shared/api/contract';
import { createApiClient } from '../../shared/api/contract';

/** What the Electron preload exposes (contextBridge): one invoke, restricted to the API's methods. */
interface BaliePreload {
  invoke(method: string, args: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    balie?: BaliePreload;
  }
}

const TOKEN_KEY = 'balie-token';

/** Electron IPC when the preload is there, else the loopback HTTP transport with its per-run token. */
export function connectApi(): ApiClient {
  const preload = window.balie;
  if (preload) return createApiClient((method, args) => preload.invoke(method, args));

  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // Keep the token out of the address bar, history and screenshots.
    window.history.replaceState(null, '', window.location.pathname);
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  return createApiClient(async (method: ApiMethod, args: unknown) => {
    const response = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-balie-token': token },
      body: JSON.stringify(args ?? {}),
    });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    return response.json();
  });
}
