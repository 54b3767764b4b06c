import type { BrowserWindow, BrowserWindowConstructorOptions, Session, Shell, WebContents } from 'electron';
import {
  decideNavigation,
  decidePermissionCheck,
  decidePermissionRequest,
  mainWindowOptions,
} from '../../platform/security/windowPolicy';
import type { Logger } from './log';

/** Typed against Electron's own options: a mismatch in the pure module is a compile error here. */
export function windowOptions(
  preload: string | null,
  title: string,
  devTools: boolean,
): BrowserWindowConstructorOptions {
  return mainWindowOptions({ preload, title, devTools });
}

/**
 * Every webContents (the window and anything it might try to create): no navigation away, no new
 * windows, no <webview>; allow-listed https links go to the default browser.
 */
export function hardenWebContents(
  contents: WebContents,
  shell: Pick<Shell, 'openExternal'>,
  log: Logger,
): void {
  const refuse = (event: { preventDefault(): void }, url: string, what: string) => {
    event.preventDefault();
    const decision = decideNavigation(url);
    if (decision.openExternal) void shell.openExternal(decision.openExternal);
    else log.warn(`${what} refused: ${url.slice(0, 200)}`);
  };
  contents.on('will-navigate', (event, url) => refuse(event, url, 'navigation'));
  contents.on('will-redirect', (event, url) => refuse(event, url, 'redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideNavigation(url);
    if (decision.openExternal) void shell.openExternal(decision.openExternal);
    else log.warn(`window.open refused: ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
}

/** Camera for scanning, from our own page only; everything else (notifications, USB, HID, …) denied. */
export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(
      decidePermissionRequest({
        permission,
        requestingUrl: details.requestingUrl,
        isMainFrame: details.isMainFrame,
        ...(mediaTypes ? { mediaTypes } : {}),
      }),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermissionCheck({
      permission,
      requestingOrigin,
      ...(details.mediaType ? { mediaType: details.mediaType } : {}),
    }),
  );
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

export function showWhenReady(win: BrowserWindow): void {
  win.once('ready-to-show', () => win.show());
}
