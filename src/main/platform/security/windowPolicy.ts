/**
 * Everything the main window is allowed to do, as data and pure decisions; the shell only wires
 * these into BrowserWindow, webContents and session handlers.
 */
import { APP_ORIGIN, isAppUrl, originOf } from './origin';

export interface WindowWebPreferences {
  preload?: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: false;
  devTools: boolean;
}

export interface MainWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  webPreferences: WindowWebPreferences;
}

export function mainWindowOptions(input: {
  preload: string | null;
  title: string;
  devTools: boolean;
}): MainWindowOptions {
  const webPreferences: WindowWebPreferences = {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: input.devTools,
  };
  if (input.preload !== null) webPreferences.preload = input.preload;
  return {
    width: 1280,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: input.title,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences,
  };
}

/** The settings a running window must show (the smoke test reads them back at run time). */
export const REQUIRED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
} as const;

/** Links the desk may open in the default browser: https, exact host, default port. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['www.lerarenkaart.be', 'lerarenkaart.be'];

export function isAllowedExternalLink(url: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username || parsed.password) return false;
  return hosts.includes(parsed.hostname.toLowerCase());
}

export type NavigationDecision = { allow: false; openExternal: string | null };

/**
 * will-navigate, will-redirect and window.open: the window never leaves the app and never opens
 * another window; an allow-listed https link goes to the default browser instead.
 */
export function decideNavigation(
  url: string,
  hosts: readonly string[] = EXTERNAL_LINK_HOSTS,
): NavigationDecision {
  return { allow: false, openExternal: isAllowedExternalLink(url, hosts) ? url : null };
}

/** Only the camera (media/video) for scanning, only for the app's own origin, in its main frame. */
export function decidePermissionRequest(input: {
  permission: string;
  requestingUrl: string | undefined;
  isMainFrame: boolean;
  mediaTypes?: readonly string[];
}): boolean {
  if (input.permission !== 'media') return false;
  if (!input.isMainFrame || input.requestingUrl === undefined || !isAppUrl(input.requestingUrl)) return false;
  const types = input.mediaTypes ?? [];
  return types.length > 0 && types.every((t) => t === 'video');
}

/** The synchronous permission check (e.g. enumerateDevices): same rule. */
export function decidePermissionCheck(input: {
  permission: string;
  requestingOrigin: string;
  mediaType?: string;
}): boolean {
  if (input.permission !== 'media') return false;
  if (originOf(input.requestingOrigin) !== APP_ORIGIN) return false;
  return input.mediaType === undefined || input.mediaType === 'video';
}

/**
 * An IPC call is trusted only when it comes from the app's own page in the window's main frame:
 * never from a subframe (a receipt preview, say) and never after a navigation elsewhere.
 */
export function isTrustedSender(frame: { url: string; isMainFrame: boolean } | null): boolean {
  return frame !== null && frame.isMainFrame && isAppUrl(frame.url);
}

export const IPC_PREFIX = 'balie:';

/** Main → window only: long work's progress (the window subscribes through the preload). */
export const PROGRESS_CHANNEL = `${IPC_PREFIX}progress`;

export function ipcChannelFor(method: string): string {
  return `${IPC_PREFIX}${method}`;
}
