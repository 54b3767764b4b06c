import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkDataLocation,
  dataLocationText,
  isUncPath,
} from '../../../../../src/main/platform/policy/dataLocation';
import {
  chooseStore,
  demoDbPathFor,
  peekRealStore,
} from '../../../../../src/main/platform/policy/storeChoice';
import { tempDir, testStore } from '../../../../helpers/store';

const winEnv = { APPDATA: 'C:\\Users\\an\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\an\\AppData\\Local' };

describe('checkDataLocation', () => {
  it('is quiet for a local, unredirected %LOCALAPPDATA% folder', () => {
    const dir = 'C:\\Users\\an\\AppData\\Local\\Lerarenkaart Balie';
    expect(checkDataLocation({ dataDir: dir, realDataDir: dir, platform: 'win32', env: winEnv })).toEqual([]);
    expect(
      checkDataLocation({
        dataDir: dir,
        realDataDir: 'c:\\users\\an\\appdata\\local\\lerarenkaart balie\\',
        platform: 'win32',
        env: winEnv,
      }),
    ).toEqual([]);
    expect(
      checkDataLocation({ dataDir: dir, realDataDir: `\\\\?\\${dir}`, platform: 'win32', env: winEnv }),
    ).toEqual([]);
  });

  it('flags UNC paths', () => {
    const dir = '\\\\fileserver\\profiles$\\an\\Lerarenkaart Balie';
    const w = checkDataLocation({ dataDir: dir, realDataDir: dir, platform: 'win32', env: winEnv });
    expect(w).toEqual([{ code: 'unc_path', path: dir }]);
    expect(dataLocationText(w[0]!)).toMatch(/netwerkschijf/);
  });

  it('flags the roaming profile', () => {
    const dir = 'C:\\Users\\an\\AppData\\Roaming\\Lerarenkaart Balie';
    expect(
      checkDataLocation({ dataDir: dir, realDataDir: dir, platform: 'win32', env: winEnv }).map(
        (w) => w.code,
      ),
    ).toEqual(['roaming_profile']);
    expect(
      checkDataLocation({
        dataDir: dir.toUpperCase(),
        realDataDir: dir.toUpperCase(),
        platform: 'win32',
        env: winEnv,
      }).map((w) => w.code),
    ).toEqual(['roaming_profile']);
  });

  it('flags folder redirection: the realpath is elsewhere (and on a share)', () => {
    const dir = 'C:\\Users\\an\\AppData\\Local\\Lerarenkaart Balie';
    const w = checkDataLocation({
      dataDir: dir,
      realDataDir: '\\\\?\\UNC\\nas\\redirect\\an\\Lerarenkaart Balie',
      platform: 'win32',
      env: winEnv,
    });
    expect(w.map((x) => x.code)).toEqual(['unc_path', 'redirected']);
    const linux = checkDataLocation({
      dataDir: '/home/an/.local/share/lerarenkaart-balie',
      realDataDir: '/mnt/nfs/an/balie',
      platform: 'linux',
      env: {},
    });
    expect(linux.map((x) => x.code)).toEqual(['redirected']);
    expect(dataLocationText(linux[0]!)).toContain('/mnt/nfs/an/balie');
  });

  it('recognises UNC spellings, not local long paths or devices', () => {
    expect(isUncPath('\\\\server\\share')).toBe(true);
    expect(isUncPath('//server/share/x')).toBe(true);
    expect(isUncPath('\\\\?\\UNC\\server\\share')).toBe(true);
    expect(isUncPath('\\\\?\\C:\\data')).toBe(false);
    expect(isUncPath('\\\\.\\pipe\\x')).toBe(false);
    expect(isUncPath('C:\\data')).toBe(false);
    expect(isUncPath('/home/an')).toBe(false);
  });
});

describe('chooseStore', () => {
  it('uses the demo store only until the point is configured', () => {
    expect(chooseStore({ policyPointId: null, realStore: { kind: 'absent' }, demoRequested: false })).toEqual(
      { kind: 'demo', reason: 'not_configured' },
    );
    expect(
      chooseStore({ policyPointId: null, realStore: { kind: 'unconfigured' }, demoRequested: false }),
    ).toEqual({ kind: 'demo', reason: 'not_configured' });
    expect(
      chooseStore({
        policyPointId: null,
        realStore: { kind: 'configured', pointId: 'BIB-GENT' },
        demoRequested: false,
      }),
    ).toEqual({ kind: 'real' });
    expect(
      chooseStore({ policyPointId: 'BIB-GENT', realStore: { kind: 'absent' }, demoRequested: false }),
    ).toEqual({ kind: 'real' });
  });

  it('never falls back to the demo for an unreadable real store, and ignores --demo under a policy', () => {
    expect(
      chooseStore({
        policyPointId: null,
        realStore: { kind: 'unreadable', detail: 'x' },
        demoRequested: true,
      }),
    ).toEqual({ kind: 'real' });
    expect(
      chooseStore({ policyPointId: 'BIB-GENT', realStore: { kind: 'absent' }, demoRequested: true }),
    ).toEqual({ kind: 'real' });
    expect(
      chooseStore({
        policyPointId: null,
        realStore: { kind: 'configured', pointId: 'X' },
        demoRequested: true,
      }),
    ).toEqual({ kind: 'demo', reason: 'requested' });
  });

  it('keeps the demo database in its own file next to the real one', () => {
    expect(demoDbPathFor('/data/balie.sqlite')).toBe(path.resolve('/data/demo.sqlite'));
  });

  it('peeks at a store without creating or changing it', () => {
    const dir = tempDir();
    const absent = path.join(dir, 'none.sqlite');
    expect(peekRealStore(absent)).toEqual({ kind: 'absent' });
    expect(fs.existsSync(absent)).toBe(false);
    const configured = testStore();
    expect(peekRealStore(configured.dbPath)).toEqual({ kind: 'configured', pointId: 'BIB-GENT' });
    const empty = testStore({ pointId: null });
    expect(peekRealStore(empty.dbPath)).toEqual({ kind: 'unconfigured' });
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'this is not a database, just text long enough to be read as a header');
    expect(peekRealStore(junk).kind).toBe('unreadable');
  });
});
