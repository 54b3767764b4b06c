import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
type Obj = Record<string, unknown>;
const config = loadYaml(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Obj;
// The installed electron-builder's own validation (schema and deprecations), exactly as `electron-builder` runs it.
const { validateConfiguration } = createRequire(import.meta.url)(
  'app-builder-lib/out/util/config/config.js',
) as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
// electron-builder's own JSON schema: every key we use must exist there (a typo would be ignored silently).
const scheme = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
) as {
  properties: Obj;
  definitions: Record<string, { properties: Obj }>;
};

describe('electron-builder.yml', () => {
  it('passes the installed electron-builder’s own configuration check', async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
    const typo = { ...config, nsis: { ...(config.nsis as Obj), perMachin: true } };
    await expect(validateConfiguration(typo, { isEnabled: false, add() {} })).rejects.toThrow(
      /configuration\.nsis/,
    );
  });

  it('uses only keys electron-builder 26 knows', () => {
    for (const key of Object.keys(config)) expect(scheme.properties, key).toHaveProperty(key);
    const sections: [string, string][] = [
      ['nsis', 'NsisOptions'],
      ['msi', 'MsiOptions'],
      ['electronFuses', 'FuseOptionsV1'],
      ['win', 'WindowsConfiguration'],
      ['linux', 'LinuxConfiguration'],
      ['mac', 'MacConfiguration'],
    ];
    for (const [section, definition] of sections) {
      for (const key of Object.keys(config[section] as Obj)) {
        expect(scheme.definitions[definition]?.properties, `${section}.${key}`).toHaveProperty(key);
      }
    }
  });

  it('installs per machine with an assisted NSIS installer and an MSI with a fixed upgrade code', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true });
    const msi = config.msi as Obj;
    expect(msi).toMatchObject({ oneClick: false, perMachine: true });
    expect(msi.upgradeCode).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    const winTargets = ((config.win as Obj).target as Obj[]).map((t) => t.target);
    expect(winTargets).toEqual(['nsis', 'msi']);
    expect((config.linux as Obj).target).toEqual(['AppImage', 'deb']);
    expect((config.mac as Obj).target).toEqual(['dmg', 'zip']);
  });

  it('packs into asar and flips every security fuse', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('rebuilds native modules for Electron at packaging time only, and ships no sources', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
    const files = config.files as string[];
    expect(files).toContain('out/main/**');
    expect(files).toContain('out/preload/**');
    expect(files).toContain('dist/renderer/**');
    expect(files.some((f) => f.startsWith('src') || f.startsWith('test'))).toBe(false);
    expect((config.extraMetadata as Obj).main).toBe('out/main/main.mjs');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(Object.values(pkg.scripts).join(' ')).not.toMatch(
      /install-app-deps|electron-rebuild|@electron\/rebuild/,
    );
    expect(pkg.scripts).not.toHaveProperty('postinstall');
  });

  it('publishes to a generic placeholder server (the real URL comes from the policy)', () => {
    const publish = config.publish as Obj[];
    expect(publish).toHaveLength(1);
    expect(publish[0]).toMatchObject({ provider: 'generic', channel: 'latest' });
    expect(String(publish[0]!.url)).toMatch(/^https:\/\/[^/]+\.invalid\//);
  });

  it('asks for the camera on macOS and nothing more', () => {
    const mac = config.mac as Obj;
    expect(mac.hardenedRuntime).toBe(true);
    expect((mac.extendInfo as Obj).NSCameraUsageDescription).toMatch(/camera/);
    const plist = fs.readFileSync(path.join(ROOT, String(mac.entitlements)), 'utf8');
    expect(plist).toContain('com.apple.security.device.camera');
    expect(plist).not.toContain('disable-library-validation');
    expect(plist).not.toContain('device.audio-input');
  });
});
