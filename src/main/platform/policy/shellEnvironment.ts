import { POLICY_ENV_VAR } from './policyPath';

export const DEVTOOLS_ENV_VAR = 'BALIE_DEVTOOLS';

/**
 * `release`: what desks install. `test`: a packaged build for the smoke test, baked in by
 * `node scripts/build-electron.mjs --test-build` (never the default).
 */
export type BuildKind = 'release' | 'test';

export interface ShellEnvironment {
  /** The environment policyPath() may read: without BALIE_POLICY_FILE in a packaged release. */
  policyEnv: Record<string, string | undefined>;
  devTools: boolean;
  /** Appended to the window title so nobody mistakes a test build for the real one. */
  titleMark: string | null;
  /** Override variables that were set but ignored, for one log line. */
  ignored: string[];
}

/**
 * Which developer overrides the shell honours. A packaged release ignores BALIE_POLICY_FILE and
 * BALIE_DEVTOOLS: any desk user can set an environment variable, and with them could swap the
 * issuer key, the update URL or open the developer tools. A packaged test build keeps them and
 * says so in its title; a run from source (not packaged) always has both.
 */
export function shellEnvironment(input: {
  packaged: boolean;
  buildKind: BuildKind;
  env: Record<string, string | undefined>;
}): ShellEnvironment {
  const { packaged, buildKind, env } = input;
  if (!packaged) return { policyEnv: env, devTools: true, titleMark: null, ignored: [] };
  switch (buildKind) {
    case 'test':
      return {
        policyEnv: env,
        devTools: env[DEVTOOLS_ENV_VAR] === '1',
        titleMark: 'TESTBUILD — niet voor gebruik aan de balie',
        ignored: [],
      };
    case 'release': {
      const policyEnv = { ...env };
      delete policyEnv[POLICY_ENV_VAR];
      const ignored = [POLICY_ENV_VAR, DEVTOOLS_ENV_VAR].filter((name) => env[name] !== undefined);
      return { policyEnv, devTools: false, titleMark: null, ignored };
    }
  }
}

/** The build kind the build script baked in; anything unexpected counts as a release. */
export function buildKindOf(baked: unknown): BuildKind {
  return baked === 'test' ? 'test' : 'release';
}
