import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appResponseHeaders,
  isInsideRoot,
  resolveAppRequest,
} from '../../../../../src/main/platform/security/appProtocol';
import { APP_CSP } from '../../../../../src/main/platform/security/contentSecurityPolicy';
import { serveAppRequest } from '../../../../../src/main/adapters/electron/protocol';
import { tempDir } from '../../../../helpers/store';

const root = path.resolve('/srv/bundle');
const resolve = (url: string, method?: string) => resolveAppRequest(root, url, method);
const status = (url: string) => {
  const r = resolve(url);
  return r.kind === 'file' ? 200 : r.status;
};

describe('resolveAppRequest', () => {
  it('maps app://balie paths to files inside the bundle', () => {
    expect(resolve('app://balie/index.html')).toEqual({
      kind: 'file',
      file: path.join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolve('app://balie/')).toMatchObject({ file: path.join(root, 'index.html') });
    expect(resolve('app://balie')).toMatchObject({ file: path.join(root, 'index.html') });
    expect(resolve('app://BALIE/assets/index-abc123.js?v=1#x')).toMatchObject({
      file: path.join(root, 'assets', 'index-abc123.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolve('app://balie/assets/Logo%20groot.svg')).toMatchObject({
      file: path.join(root, 'assets', 'Logo groot.svg'),
    });
    expect(resolve('app://balie/beheer/instellingen')).toMatchObject({ file: path.join(root, 'index.html') });
  });

  it.each([
    ['app://balie/../secret.txt', 403],
    ['app://balie/assets/../../etc/passwd', 403],
    ['app://balie/%2e%2e/%2e%2e/etc/passwd', 403],
    ['app://balie/%2E%2E%2Fetc%2Fpasswd', 403],
    ['app://balie/assets/%2e%2e%5c%2e%2e%5cwindows%5cwin.ini', 403],
    ['app://balie/..%5c..%5cwindows%5cwin.ini', 403],
    ['app://balie/assets\\..\\..\\secret', 403],
    ['app://balie//etc/passwd', 403],
    ['app://balie/C:/Windows/win.ini', 403],
    ['app://balie/C:%5CWindows%5Cwin.ini', 403],
    ['app://balie/index.html%00.png', 403],
    ['app://balie/index.html:stream', 403],
    ['app://balie/./index.html', 403],
    ['app://balie/.env', 403],
    ['app://balie/%E0%A4%A', 400],
    ['app://other/index.html', 403],
    ['file:///etc/passwd', 403],
    ['https://balie/index.html', 403],
    ['not a url', 400],
  ])('refuses %s (%i)', (url, expected) => {
    expect(status(url)).toBe(expected);
  });

  it('serves only GET and HEAD', () => {
    expect(resolve('app://balie/index.html', 'POST')).toMatchObject({ kind: 'refused', status: 405 });
    expect(resolve('app://balie/index.html', 'HEAD').kind).toBe('file');
  });

  it('knows when a path is inside the root', () => {
    expect(isInsideRoot('/a/b', '/a/b/c')).toBe(true);
    expect(isInsideRoot('/a/b', '/a/b')).toBe(true);
    expect(isInsideRoot('/a/b', '/a/bc')).toBe(false);
    expect(isInsideRoot('/a/b', '/a')).toBe(false);
  });

  it('sends the CSP and hardening headers', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8');
    expect(headers['content-security-policy']).toBe(APP_CSP);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['permissions-policy']).toContain('microphone=()');
  });
});

describe('serveAppRequest (the protocol handler)', () => {
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

  function bundle() {
    const dir = tempDir('balie-bundle-');
    const rootDir = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(rootDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rootDir, 'index.html'), '<!doctype html><title>Balie</title>');
    fs.writeFileSync(path.join(rootDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'geheim');
    return { dir, rootDir };
  }

  it('serves files with the CSP header, and the startup page instead of everything when set', async () => {
    const { rootDir } = bundle();
    const ok = await serveAppRequest(
      { url: 'app://balie/assets/app.js', method: 'GET' },
      { root: rootDir, startupPage: () => null, log: silent },
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(await ok.text()).toBe('console.log(1)');
    const missing = await serveAppRequest(
      { url: 'app://balie/assets/none.js', method: 'GET' },
      { root: rootDir, startupPage: () => null, log: silent },
    );
    expect(missing.status).toBe(404);
    const refused = await serveAppRequest(
      { url: 'app://balie/%2e%2e/secret.txt', method: 'GET' },
      { root: rootDir, startupPage: () => null, log: silent },
    );
    expect(refused.status).toBe(403);
    const page = await serveAppRequest(
      { url: 'app://balie/index.html', method: 'GET' },
      { root: rootDir, startupPage: () => '<p>kapot</p>', log: silent },
    );
    expect(await page.text()).toBe('<p>kapot</p>');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).not.toContain('script-src');
  });

  it('does not follow a symlink out of the bundle', async () => {
    const { dir, rootDir } = bundle();
    try {
      fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(rootDir, 'assets', 'link.txt'));
    } catch {
      return; // no symlinks on this file system
    }
    const r = await serveAppRequest(
      { url: 'app://balie/assets/link.txt', method: 'GET' },
      { root: rootDir, startupPage: () => null, log: silent },
    );
    expect(r.status).toBe(403);
  });
});
