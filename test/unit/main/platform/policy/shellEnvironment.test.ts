import { describe, expect, it } from 'vitest';
import { policyPath } from '../../../../../src/main/platform/policy/policyPath';
import { buildKindOf, shellEnvironment } from '../../../../../src/main/platform/policy/shellEnvironment';

const overrides = { BALIE_POLICY_FILE: '/tmp/evil-policy.json', BALIE_DEVTOOLS: '1', HOME: '/home/desk' };

describe('which developer overrides the Electron shell honours', () => {
  it('a packaged release ignores BALIE_POLICY_FILE and BALIE_DEVTOOLS, and says which it ignored', () => {
    const shell = shellEnvironment({ packaged: true, buildKind: 'release', env: overrides });
    expect(shell.devTools).toBe(false);
    expect(policyPath('linux', shell.policyEnv)).toBe('/etc/lerarenkaart-balie/policy.json');
    expect(shell.policyEnv.HOME).toBe('/home/desk');
    expect(shell.titleMark).toBeNull();
    expect(shell.ignored).toEqual(['BALIE_POLICY_FILE', 'BALIE_DEVTOOLS']);
    expect(shellEnvironment({ packaged: true, buildKind: 'release', env: {} }).ignored).toEqual([]);
  });

  it('a packaged test build keeps them and marks its window title', () => {
    const shell = shellEnvironment({ packaged: true, buildKind: 'test', env: overrides });
    expect(shell.devTools).toBe(true);
    expect(policyPath('linux', shell.policyEnv)).toBe('/tmp/evil-policy.json');
    expect(shell.titleMark).toMatch(/TESTBUILD/);
    const noTools = shellEnvironment({ packaged: true, buildKind: 'test', env: { BALIE_DEVTOOLS: '0' } });
    expect(noTools.devTools).toBe(false);
  });

  it('a run from source (not packaged) honours the policy override and always has developer tools', () => {
    const shell = shellEnvironment({ packaged: false, buildKind: 'release', env: overrides });
    expect(shell.devTools).toBe(true);
    expect(policyPath('linux', shell.policyEnv)).toBe('/tmp/evil-policy.json');
    expect(shell.titleMark).toBeNull();
  });

  it('only the exact baked value "test" makes a test build', () => {
    expect(buildKindOf('test')).toBe('test');
    for (const other of [undefined, 'release', 'TEST', '1', true, null])
      expect(buildKindOf(other)).toBe('release');
  });
});
