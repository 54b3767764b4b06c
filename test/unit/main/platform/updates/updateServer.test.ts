import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../../src/shared/time/clock';
import { createUpdateController } from '../../../../../src/main/platform/updates/updateController';
import { channelFileName } from '../../../../../src/main/platform/updates/updateInfo';
import { DEFAULT_UPDATE_SETTINGS } from '../../../../../src/main/platform/updates/updatePolicy';
import type { DeskActivity, UpdateSettings } from '../../../../../src/main/platform/updates/updatePolicy';
import { genericServerPort, sha512Base64 } from '../../../../helpers/genericServerPort';
import { tempDir } from '../../../../helpers/store';

/**
 * A real generic update server on 127.0.0.1 serving what electron-builder publishes: latest.yml,
 * the installer and its blockmap. The controller drives a plain-HTTP UpdaterPort against it
 * (test/helpers/genericServerPort.ts, in place of electron-updater) and we check what it decides.
 */
const installer = Buffer.from('MZ' + 'Lerarenkaart Balie 1.5.0 installer '.repeat(3000));
const INSTALLER_NAME = 'Lerarenkaart-Balie-Setup-1.5.0.exe';
const LOW_ID = '0d1f0c2e-6c1a-4d7e-9a55-000000100000'; // rollout place ≈ 0.0002
const HIGH_ID = '0d1f0c2e-6c1a-4d7e-9a55-0000f0000000'; // rollout place ≈ 0.94

let latestYml = '';
let servedInstaller: Buffer = installer;
let down = false;
const requests: string[] = [];
let server: http.Server;
let feedUrl = '';

function release(version: string, stagingPercentage?: number, body: Buffer = installer): string {
  const name = `Lerarenkaart-Balie-Setup-${version}.exe`;
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${name}`,
    `    sha512: ${sha512Base64(body)}`,
    `    size: ${body.length}`,
    `path: ${name}`,
    `sha512: ${sha512Base64(body)}`,
    `releaseDate: '2027-01-05T08:00:00.000Z'`,
    ...(stagingPercentage === undefined ? [] : [`stagingPercentage: ${stagingPercentage}`]),
    '',
  ].join('\n');
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    if (down) {
      res.writeHead(503).end();
      return;
    }
    if (url.pathname === '/balie/latest.yml') {
      res.writeHead(200, { 'content-type': 'text/yaml' }).end(latestYml);
    } else if (url.pathname === `/balie/${INSTALLER_NAME}`) {
      res
        .writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': servedInstaller.length,
        })
        .end(servedInstaller);
    } else if (url.pathname === `/balie/${INSTALLER_NAME}.blockmap`) {
      res.writeHead(200).end('{}');
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/balie`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function setup(stagingUserId: string, start = '2027-01-05T09:00:00Z') {
  const clock = fixedClock(start);
  const dir = tempDir('balie-updates-');
  const settings: UpdateSettings = {
    ...DEFAULT_UPDATE_SETTINGS,
    enabled: true,
    feedUrl,
    installWindow: { fromMinute: 22 * 60, toMinute: 6 * 60 },
  };
  let activity: DeskActivity = { busy: false, idleMs: 60 * 60_000 };
  const { port, log } = genericServerPort({
    feedUrl,
    channelFile: channelFileName('latest', 'win32', 'x64'),
    stagingUserId,
    downloadDir: dir,
  });
  const controller = createUpdateController({
    port,
    clock,
    settings,
    currentVersion: '1.4.0',
    activity: () => activity,
  });
  return { clock, dir, log, controller, setActivity: (a: DeskActivity) => (activity = a) };
}

describe('updates against a local generic server', () => {
  it('checks, downloads and verifies in the background, installs only on quit or at night while idle', async () => {
    latestYml = release('1.5.0', 30);
    servedInstaller = installer;
    const { clock, dir, log, controller, setActivity } = setup(LOW_ID);
    expect(controller.getUpdateStatus()).toMatchObject({
      enabled: true,
      phase: 'idle',
      currentVersion: '1.4.0',
      installHours: '22:00-06:00',
    });

    expect(await controller.tick()).toBe('check');
    expect(controller.getUpdateStatus()).toMatchObject({
      verdict: 'newer_available',
      availableVersion: '1.5.0',
      stagingPercentage: 30,
    });
    expect(await controller.tick()).toBe('download');
    const status = controller.getUpdateStatus();
    expect(status).toMatchObject({
      phase: 'downloaded',
      downloadedVersion: '1.5.0',
      progressPercent: 100,
      installOnQuit: true,
      lastError: null,
    });
    expect(log.files).toEqual([path.join(dir, INSTALLER_NAME)]);
    expect(fs.readFileSync(log.files[0]!).equals(installer)).toBe(true);
    expect(log.installOnQuit).toBe(true);

    // 10:00 in Brussels: desk hours, so nothing installs while running.
    expect(await controller.tick()).toBe('none');
    expect(log.installed).toBe(0);

    // A hand-out in flight: not even on quit.
    setActivity({ busy: true, idleMs: 0 });
    controller.refreshInstallOnQuit();
    expect(log.installOnQuit).toBe(false);
    setActivity({ busy: false, idleMs: 0 });
    controller.refreshInstallOnQuit();
    expect(log.installOnQuit).toBe(true);

    // 23:30 in Brussels, but the desk was used a minute ago.
    clock.set('2027-01-05T22:30:00Z');
    setActivity({ busy: false, idleMs: 60_000 });
    expect(await controller.tick()).toBe('check'); // the scheduled re-check; still 1.5.0
    expect(controller.getUpdateStatus()).toMatchObject({ phase: 'downloaded', downloadedVersion: '1.5.0' });
    expect(log.installed).toBe(0);
    setActivity({ busy: false, idleMs: 30 * 60_000 });
    expect(await controller.tick()).toBe('install');
    expect(log.installed).toBe(1);
    expect(controller.getUpdateStatus().phase).toBe('installing');
  });

  it('leaves machines outside the staged rollout alone', async () => {
    latestYml = release('1.5.0', 30);
    requests.length = 0;
    const { log, controller } = setup(HIGH_ID);
    expect(await controller.tick()).toBe('check');
    expect(controller.getUpdateStatus()).toMatchObject({
      verdict: 'outside_rollout',
      availableVersion: null,
      phase: 'idle',
    });
    expect(await controller.tick()).toBe('none');
    expect(log.files).toEqual([]);
    expect(requests).toEqual(['/balie/latest.yml']);
    // The rollout widens to everyone: the next scheduled check picks it up.
    latestYml = release('1.5.0', 100);
    const later = setup(HIGH_ID);
    await later.controller.tick();
    expect(later.controller.getUpdateStatus().verdict).toBe('newer_available');
  });

  it('refuses an installer whose sha512 does not match latest.yml, and shows the error', async () => {
    latestYml = release('1.5.0');
    servedInstaller = Buffer.concat([installer.subarray(0, -1), Buffer.from('X')]);
    const { clock, dir, log, controller } = setup(LOW_ID);
    await controller.tick();
    expect(await controller.tick()).toBe('download');
    const status = controller.getUpdateStatus();
    expect(status).toMatchObject({ phase: 'idle', downloadedVersion: null, installOnQuit: false });
    expect(status.lastError).toMatchObject({
      during: 'download',
      message: expect.stringContaining('sha512'),
    });
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(log.installOnQuit).toBe(false);
    // Fixed on the server: retried after the pause, then fine.
    servedInstaller = installer;
    expect(await controller.tick()).toBe('none');
    clock.advance(31 * 60_000);
    expect(await controller.tick()).toBe('download');
    expect(controller.getUpdateStatus()).toMatchObject({ phase: 'downloaded', lastError: null });
  });

  it('shows a server outage as the last error and retries sooner', async () => {
    latestYml = release('1.5.0');
    down = true;
    try {
      const { clock, controller } = setup(LOW_ID);
      expect(await controller.tick()).toBe('check');
      const status = controller.getUpdateStatus();
      expect(status.lastError).toMatchObject({ during: 'check', message: expect.stringContaining('503') });
      expect(status.nextCheckAt).toBe('2027-01-05T09:30:00.000Z');
      down = false;
      clock.advance(30 * 60_000);
      expect(await controller.tick()).toBe('check');
      expect(controller.getUpdateStatus()).toMatchObject({
        lastError: null,
        verdict: 'newer_available',
        nextCheckAt: '2027-01-05T13:30:00.000Z',
      });
    } finally {
      down = false;
    }
  });

  it('drops a downloaded update when the release is pulled (latest.yml back to the current version)', async () => {
    latestYml = release('1.5.0');
    servedInstaller = installer;
    const { clock, log, controller } = setup(LOW_ID);
    await controller.tick();
    await controller.tick();
    expect(controller.getUpdateStatus().phase).toBe('downloaded');
    latestYml = release('1.4.0');
    clock.advance(4 * 3_600_000);
    expect(await controller.tick()).toBe('check');
    expect(controller.getUpdateStatus()).toMatchObject({
      phase: 'idle',
      verdict: 'up_to_date',
      downloadedVersion: null,
      installOnQuit: false,
    });
    expect(log.installOnQuit).toBe(false);
  });

  it('never runs two steps at once', async () => {
    latestYml = release('1.5.0');
    const { controller } = setup(LOW_ID);
    const [a, b] = [controller.tick(), controller.tick()];
    expect(a).toBe(b);
    expect(await a).toBe('check');
  });
});
