import { describe, expect, it } from 'vitest';
import {
  APP_CSP,
  APP_CSP_DIRECTIVES,
  buildCsp,
  parseCsp,
} from '../../../../../src/main/platform/security/contentSecurityPolicy';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  isAppUrl,
  originOf,
} from '../../../../../src/main/platform/security/origin';
import {
  REQUIRED_WEB_PREFERENCES,
  decideNavigation,
  decidePermissionCheck,
  decidePermissionRequest,
  ipcChannelFor,
  isAllowedExternalLink,
  isTrustedSender,
  mainWindowOptions,
} from '../../../../../src/main/platform/security/windowPolicy';
import { windowOptions } from '../../../../../src/main/adapters/electron/window';

describe('main window options', () => {
  it('isolates and sandboxes the renderer', () => {
    const options = mainWindowOptions({
      preload: '/app/out/preload/preload.cjs',
      title: 'Lerarenkaart Balie',
      devTools: false,
    });
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/preload.cjs',
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
      devTools: false,
    });
    expect(options.webPreferences).toMatchObject(REQUIRED_WEB_PREFERENCES);
    expect(options.show).toBe(false);
  });

  it('has no preload at all for the startup problem page', () => {
    const options = windowOptions(null, 'x', false);
    expect(options.webPreferences).not.toHaveProperty('preload');
    expect(options.webPreferences).toMatchObject(REQUIRED_WEB_PREFERENCES);
  });
});

describe('the app origin', () => {
  it('reads origins of custom schemes (Node says "null")', () => {
    expect(new URL(APP_ENTRY_URL).origin).toBe('null');
    expect(originOf(APP_ENTRY_URL)).toBe(APP_ORIGIN);
    expect(originOf('APP://Balie/x')).toBe('app://balie');
    expect(originOf('app://balie@evil/x')).toBeNull();
    expect(isAppUrl('app://balie.evil/index.html')).toBe(false);
    expect(isAppUrl('app://balie:80/index.html')).toBe(false);
    expect(isAppUrl('http://balie/index.html')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
  });
});

describe('navigation and new windows', () => {
  it('never navigates; only allow-listed https links go to the browser', () => {
    expect(decideNavigation('https://www.lerarenkaart.be/faq')).toEqual({
      allow: false,
      openExternal: 'https://www.lerarenkaart.be/faq',
    });
    for (const url of [
      'http://www.lerarenkaart.be/',
      'https://www.lerarenkaart.be:8443/',
      'https://user@www.lerarenkaart.be/',
      'https://www.lerarenkaart.be.evil.com/',
      'https://evil.com/?https://www.lerarenkaart.be',
      'file:///C:/Windows/System32/calc.exe',
      'ms-msdt:/id',
      'javascript:alert(1)',
      'app://balie/index.html',
      'not a url',
    ]) {
      expect(decideNavigation(url), url).toEqual({ allow: false, openExternal: null });
    }
    expect(isAllowedExternalLink('https://example.org/', ['example.org'])).toBe(true);
  });
});

describe('permissions', () => {
  const request = (over: Partial<Parameters<typeof decidePermissionRequest>[0]>) =>
    decidePermissionRequest({
      permission: 'media',
      requestingUrl: 'app://balie/index.html',
      isMainFrame: true,
      mediaTypes: ['video'],
      ...over,
    });

  it('grants the camera to our own page only', () => {
    expect(request({})).toBe(true);
    expect(request({ mediaTypes: ['audio'] })).toBe(false);
    expect(request({ mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(request({ mediaTypes: [] })).toBe(false);
    expect(request({ isMainFrame: false })).toBe(false);
    expect(request({ requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(request({ requestingUrl: undefined })).toBe(false);
    for (const permission of [
      'notifications',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'hid',
      'usb',
      'serial',
      'display-capture',
      'fullscreen',
    ]) {
      expect(request({ permission }), permission).toBe(false);
    }
  });

  it('answers permission checks with the same rule', () => {
    expect(
      decidePermissionCheck({ permission: 'media', requestingOrigin: 'app://balie', mediaType: 'video' }),
    ).toBe(true);
    expect(decidePermissionCheck({ permission: 'media', requestingOrigin: 'app://balie/' })).toBe(true);
    expect(
      decidePermissionCheck({ permission: 'media', requestingOrigin: 'app://balie', mediaType: 'audio' }),
    ).toBe(false);
    expect(
      decidePermissionCheck({
        permission: 'media',
        requestingOrigin: 'https://evil.example',
        mediaType: 'video',
      }),
    ).toBe(false);
    expect(decidePermissionCheck({ permission: 'notifications', requestingOrigin: 'app://balie' })).toBe(
      false,
    );
  });
});

describe('IPC sender validation', () => {
  it('trusts only the main frame of our own page', () => {
    expect(isTrustedSender({ url: 'app://balie/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://balie/index.html#/beheer', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://balie/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'about:blank', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///app/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(ipcChannelFor('handOut')).toBe('balie:handOut');
  });
});

describe('Content-Security-Policy', () => {
  const csp = parseCsp(APP_CSP);

  it('allows only our own scripts: no inline, no eval, no remote', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(APP_CSP).not.toContain('unsafe-eval');
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    for (const sources of csp.values()) {
      for (const s of sources) expect(s, s).not.toMatch(/^(https?:|\*|http)/);
    }
  });

  it('lets the camera stream and barcode images through', () => {
    expect(csp.get('media-src')).toContain('mediastream:');
    expect(csp.get('img-src')).toContain('data:');
  });

  it('is built from its directive list', () => {
    expect(buildCsp(APP_CSP_DIRECTIVES)).toBe(APP_CSP);
    expect(
      buildCsp([
        ['default-src', "'self'"],
        ['img-src', 'data:'],
      ]),
    ).toBe("default-src 'self'; img-src data:");
  });
});
