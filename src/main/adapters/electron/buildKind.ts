import { buildKindOf } from '../../platform/policy/shellEnvironment';
import type { BuildKind } from '../../platform/policy/shellEnvironment';

// Replaced by scripts/build-electron.mjs (esbuild `define`): "release", or "test" with --test-build.
declare const __BALIE_BUILD_KIND__: string | undefined;

export const BUILD_KIND: BuildKind = buildKindOf(
  typeof __BALIE_BUILD_KIND__ === 'undefined' ? undefined : __BALIE_BUILD_KIND__,
);
