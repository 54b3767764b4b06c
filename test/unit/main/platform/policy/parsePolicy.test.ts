import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPolicyPoint } from '../../../../../src/main/useCases/admin/applyPolicy';
import { loadPolicy } from '../../../../../src/main/platform/policy/loadPolicy';
import {
  NO_POLICY,
  parseInstallHours,
  parsePolicy,
} from '../../../../../src/main/platform/policy/parsePolicy';
import type { Policy } from '../../../../../src/main/platform/policy/parsePolicy';
import { policyPath } from '../../../../../src/main/platform/policy/policyPath';
import { policyProblemText } from '../../../../../src/main/platform/policy/policyText';
import {
  policyProblemPage,
  renderStartupProblemPage,
} from '../../../../../src/main/platform/policy/startupPage';
import { readAudit } from '../../../../../src/main/store/audit/auditLog';
import { updateSettingsFromPolicy } from '../../../../../src/main/platform/updates/settingsFromPolicy';
import { TEST_ISSUER_KEY, TEST_ISSUER_PUB, tempDir, testStore } from '../../../../helpers/store';

const full = {
  pointId: 'bib-gent',
  pointName: 'Bibliotheek De Krook',
  issuerPublicKey: TEST_ISSUER_PUB,
  updateUrl: 'https://updates.stad.gent/balie/',
  updateChannel: 'latest',
  autoUpdate: true,
  updateInstallHours: '22:00-06:00',
  _comment: 'uitgerold via GPO',
};

function problemsOf(text: string) {
  const r = parsePolicy(text);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('policyPath', () => {
  it('names the machine-wide file per OS', () => {
    expect(policyPath('win32', { ProgramData: 'C:\\ProgramData' })).toBe(
      'C:\\ProgramData\\Lerarenkaart Balie\\policy.json',
    );
    expect(policyPath('win32', { PROGRAMDATA: 'D:\\PD' })).toBe('D:\\PD\\Lerarenkaart Balie\\policy.json');
    expect(policyPath('win32', {})).toBe('C:\\ProgramData\\Lerarenkaart Balie\\policy.json');
    expect(policyPath('darwin', {})).toBe('/Library/Application Support/Lerarenkaart Balie/policy.json');
    expect(policyPath('linux', {})).toBe('/etc/lerarenkaart-balie/policy.json');
  });

  it('lets BALIE_POLICY_FILE override it (tests), but not with an empty value', () => {
    expect(policyPath('linux', { BALIE_POLICY_FILE: '/tmp/p.json' })).toBe('/tmp/p.json');
    expect(policyPath('linux', { BALIE_POLICY_FILE: ' ' })).toBe('/etc/lerarenkaart-balie/policy.json');
  });
});

describe('parsePolicy', () => {
  it('reads every key, normalises the point id and lists the locked keys', () => {
    const r = parsePolicy(JSON.stringify(full));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      pointId: 'BIB-GENT',
      pointName: 'Bibliotheek De Krook',
      updateUrl: 'https://updates.stad.gent/balie/',
      updateChannel: 'latest',
      autoUpdate: true,
      installWindow: { fromMinute: 22 * 60, toMinute: 6 * 60 },
    });
    expect(r.value.issuerPublicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(r.value.lockedKeys).toEqual([
      'pointId',
      'pointName',
      'issuerPublicKey',
      'updateUrl',
      'updateChannel',
      'autoUpdate',
      'updateInstallHours',
    ]);
  });

  it('an empty object locks nothing and leaves updates off', () => {
    const r = parsePolicy('\uFEFF{}');
    expect(r.ok && r.value).toEqual(NO_POLICY);
  });

  it('an update URL alone switches updates on with the default channel', () => {
    const r = parsePolicy(JSON.stringify({ updateUrl: 'https://u.example.be/' }));
    expect(r.ok && r.value.autoUpdate).toBe(true);
    expect(r.ok && r.value.updateChannel).toBe('latest');
    expect(r.ok && r.value.lockedKeys).toEqual(['updateUrl']);
  });

  it('reports every problem at once, never throws', () => {
    const problems = problemsOf(
      JSON.stringify({
        pointId: 'bib gent!',
        pointName: '',
        issuerPublicKey: TEST_ISSUER_KEY,
        updateUrl: 'http://updates.example.be/',
        updateChannel: 'Beta',
        autoUpdate: 'yes',
        updateInstallHours: '22:00-22:00',
        pointID: 'typo',
      }),
    );
    expect(problems).toEqual([
      { code: 'invalid_value', key: 'pointId', expected: 'point_id' },
      { code: 'invalid_value', key: 'pointName', expected: 'point_name' },
      { code: 'invalid_value', key: 'issuerPublicKey', expected: 'ed25519_public_key_pem' },
      { code: 'invalid_value', key: 'updateUrl', expected: 'https_url' },
      { code: 'invalid_value', key: 'updateChannel', expected: 'channel' },
      { code: 'invalid_value', key: 'autoUpdate', expected: 'boolean' },
      { code: 'invalid_value', key: 'updateInstallHours', expected: 'hours_range' },
      { code: 'unknown_key', key: 'pointID' },
    ]);
  });

  it('refuses non-JSON, non-objects, a half-specified point and auto-update without a server', () => {
    expect(problemsOf('{ pointId: BIB }')[0]?.code).toBe('not_json');
    expect(problemsOf('[1]')).toEqual([{ code: 'not_object' }]);
    expect(problemsOf('null')).toEqual([{ code: 'not_object' }]);
    expect(problemsOf(JSON.stringify({ pointId: 'BIB-GENT' }))).toEqual([
      { code: 'incomplete_point', missing: ['pointName', 'issuerPublicKey'] },
    ]);
    expect(problemsOf(JSON.stringify({ autoUpdate: true }))).toEqual([{ code: 'update_url_required' }]);
  });

  it('accepts http only to this machine, and never credentials in the URL', () => {
    expect(parsePolicy(JSON.stringify({ updateUrl: 'http://127.0.0.1:8080/' })).ok).toBe(true);
    expect(parsePolicy(JSON.stringify({ updateUrl: 'https://user:pw@updates.example.be/' })).ok).toBe(false);
    expect(parsePolicy(JSON.stringify({ updateUrl: 'file:///C:/updates/' })).ok).toBe(false);
  });

  it('reads install hours in Belgian time, wrapping past midnight', () => {
    expect(parseInstallHours('22:00-06:00')).toEqual({ fromMinute: 1320, toMinute: 360 });
    expect(parseInstallHours('01:30 - 04:45')).toEqual({ fromMinute: 90, toMinute: 285 });
    expect(parseInstallHours('20:00-24:00')).toEqual({ fromMinute: 1200, toMinute: 0 });
    expect(parseInstallHours('25:00-06:00')).toBeNull();
    expect(parseInstallHours('22-6')).toBeNull();
    expect(parseInstallHours('06:00-06:00')).toBeNull();
  });

  it('has a Dutch sentence for every problem', () => {
    const texts = [
      ...problemsOf('nope'),
      ...problemsOf('[]'),
      ...problemsOf(JSON.stringify({ x: 1, autoUpdate: true, pointId: 'BIB-X', updateInstallHours: 'x' })),
    ].map(policyProblemText);
    expect(texts.join('\n')).toMatch(/geen geldige JSON/);
    expect(texts.join('\n')).toMatch(/Onbekende sleutel "x"/);
    expect(texts.join('\n')).toMatch(/"updateUrl" ontbreekt/);
    expect(texts.join('\n')).toMatch(/ontbreekt: pointName, issuerPublicKey/);
    for (const t of texts) expect(t.length).toBeGreaterThan(10);
  });
});

describe('the startup problem page', () => {
  it('lists what is wrong, escaped, with no script and a strict CSP', () => {
    const html = renderStartupProblemPage(
      policyProblemPage('C:\\ProgramData\\Lerarenkaart Balie\\policy.json', ['Onbekende sleutel "<script>"']),
    );
    expect(html).toContain('lang="nl-BE"');
    expect(html).toContain('C:\\ProgramData\\Lerarenkaart Balie\\policy.json');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`default-src 'none'`);
    expect(html).toMatch(/IT-dienst/);
  });
});

describe('loadPolicy', () => {
  it('treats a missing file as no policy, and reads UTF-8 with BOM and UTF-16 (PowerShell) files', () => {
    const dir = tempDir();
    expect(loadPolicy(path.join(dir, 'absent.json'))).toMatchObject({ kind: 'absent', policy: NO_POLICY });
    const json = JSON.stringify({ updateUrl: 'https://u.example.be/', updateChannel: 'beta' });
    const utf8 = path.join(dir, 'utf8.json');
    fs.writeFileSync(utf8, `\uFEFF${json}`);
    expect(loadPolicy(utf8)).toMatchObject({ kind: 'valid', policy: { updateChannel: 'beta' } });
    const utf16 = path.join(dir, 'utf16.json');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]));
    expect(loadPolicy(utf16)).toMatchObject({ kind: 'valid', policy: { updateChannel: 'beta' } });
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{"autoUpdate": 1}');
    expect(loadPolicy(bad)).toMatchObject({
      kind: 'invalid',
      problems: [{ code: 'invalid_value', key: 'autoUpdate' }],
    });
    expect(loadPolicy(dir)).toMatchObject({ kind: 'invalid' });
  });
});

describe('applyPolicyPoint', () => {
  const policyFor = (pointId: string, pointName = 'Bibliotheek De Krook'): Policy => ({
    ...NO_POLICY,
    pointId,
    pointName,
    issuerPublicKeyPem: TEST_ISSUER_PUB,
    lockedKeys: ['pointId', 'pointName', 'issuerPublicKey'],
  });

  it('configures an empty store, then writes nothing on later starts', () => {
    const store = testStore({ pointId: null });
    const first = applyPolicyPoint(store, policyFor('BIB-GENT'));
    expect(first.ok && first.value.changed).toBe(true);
    expect(first.ok && first.value.identity?.pointId).toBe('BIB-GENT');
    const audits = readAudit(store.db, { limit: 100 }).length;
    const again = applyPolicyPoint(store, policyFor('BIB-GENT'));
    expect(again.ok && again.value.changed).toBe(false);
    expect(readAudit(store.db, { limit: 100 }).length).toBe(audits);
    const renamed = applyPolicyPoint(store, policyFor('BIB-GENT', 'De Krook'));
    expect(renamed.ok && renamed.value.identity?.pointName).toBe('De Krook');
  });

  it('without a point in the policy leaves the store alone', () => {
    const store = testStore();
    const r = applyPolicyPoint(store, NO_POLICY);
    expect(r.ok && r.value).toMatchObject({ changed: false, identity: { pointId: 'BIB-GENT' } });
  });
});

describe('updateSettingsFromPolicy', () => {
  it('keeps updates off without a server and takes URL, channel and hours from the policy', () => {
    expect(updateSettingsFromPolicy(NO_POLICY)).toMatchObject({ enabled: false, feedUrl: null });
    const r = parsePolicy(
      JSON.stringify({
        updateUrl: 'https://u.example.be/',
        updateChannel: 'beta',
        updateInstallHours: '01:00-05:00',
      }),
    );
    if (!r.ok) throw new Error('policy');
    expect(updateSettingsFromPolicy(r.value)).toMatchObject({
      enabled: true,
      feedUrl: 'https://u.example.be/',
      channel: 'beta',
      installWindow: { fromMinute: 60, toMinute: 300 },
    });
    const off = parsePolicy(JSON.stringify({ updateUrl: 'https://u.example.be/', autoUpdate: false }));
    if (!off.ok) throw new Error('policy');
    expect(updateSettingsFromPolicy(off.value).enabled).toBe(false);
  });
});
