#!/usr/bin/env node
// Bundles the Electron shell: out/main/main.mjs (ESM, Node platform), out/main/longWorkEntry.mjs
// (the worker thread of long work, found next to main.mjs: longWorkRunner.ts) and
// out/preload/preload.cjs (CommonJS: a sandboxed preload cannot be an ES module). Dependencies stay external and are
// packaged from node_modules by electron-builder (better-sqlite3 is rebuilt for Electron there).
// Needs no Electron binary; never runs electron or electron-builder.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'out');
const watch = process.argv.includes('--watch');
// A packaged *test* build (smoke tests) honours BALIE_POLICY_FILE / BALIE_DEVTOOLS and says so in
// its window title; everything else, the default, is a release build that ignores them.
const buildKind = process.argv.includes('--test-build') ? 'test' : 'release';

/**
 * Sources find assets and package.json relative to their own folder (import.meta.dirname). In the
 * bundle every module shares one file, so each use is rewritten to "the source folder this module
 * came from", computed from the app root at run time: out/main/ → two levels up.
 */
const sourceDirname = {
  name: 'source-dirname',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      let contents = await fs.promises.readFile(args.path, 'utf8');
      if (contents.includes('import.meta.dirname')) {
        const rel = path.relative(root, path.dirname(args.path)).split(path.sep).join('/');
        contents = contents.replaceAll('import.meta.dirname', `__balieSourceDir(${JSON.stringify(rel)})`);
      }
      return { contents, loader: 'ts' };
    });
  },
};

const banner = [
  "import { fileURLToPath as __balieFileURLToPath } from 'node:url';",
  "import __baliePath from 'node:path';",
  'const __balieAppRoot = __baliePath.resolve(__baliePath.dirname(__balieFileURLToPath(import.meta.url)), "../..");',
  'const __balieSourceDir = (rel) => __baliePath.join(__balieAppRoot, rel);',
].join('\n');

const common = {
  bundle: true,
  sourcemap: true,
  logLevel: 'warning',
  target: 'node22',
  legalComments: 'none',
};

const main = {
  ...common,
  entryPoints: [path.join(root, 'src/main/adapters/electron/main.ts')],
  outfile: path.join(outDir, 'main', 'main.mjs'),
  platform: 'node',
  format: 'esm',
  packages: 'external',
  banner: { js: banner },
  define: { __BALIE_BUILD_KIND__: JSON.stringify(buildKind) },
  plugins: [sourceDirname],
};

/** The worker thread's entry, bundled like main (the same banner resolves its source folders). */
const worker = {
  ...main,
  entryPoints: [path.join(root, 'src/main/adapters/worker/longWorkEntry.ts')],
  outfile: path.join(outDir, 'main', 'longWorkEntry.mjs'),
};

/**
 * The preload needs only the contract's method names. Rather than bundling zod and every schema
 * into it, the names are read from the contract at build time and inlined.
 */
async function apiMethodNames() {
  const tmp = path.join(outDir, '.contract.mjs');
  await build({
    ...common,
    sourcemap: false,
    entryPoints: [path.join(root, 'src/shared/api/contract.ts')],
    outfile: tmp,
    platform: 'node',
    format: 'esm',
    packages: 'external',
  });
  const { API_METHODS } = await import(`${new URL(`file://${tmp}`).href}?t=${Date.now()}`);
  fs.rmSync(tmp);
  if (!Array.isArray(API_METHODS) || API_METHODS.length === 0)
    throw new Error('API_METHODS not found in the contract');
  return API_METHODS;
}

const contractNamesOnly = (names) => ({
  name: 'contract-names-only',
  setup(b) {
    b.onResolve({ filter: /shared[\\/]api[\\/]contract$/ }, () => ({
      path: 'api-methods',
      namespace: 'balie',
    }));
    b.onLoad({ filter: /.*/, namespace: 'balie' }, () => ({
      contents: `export const API_METHODS = Object.freeze(${JSON.stringify(names)});`,
      loader: 'js',
    }));
  },
});

const preload = {
  ...common,
  entryPoints: [path.join(root, 'src/main/adapters/electron/preload.ts')],
  outfile: path.join(outDir, 'preload', 'preload.cjs'),
  platform: 'browser',
  format: 'cjs',
  external: ['electron'],
  target: 'chrome130',
};

fs.rmSync(path.join(outDir, 'main'), { recursive: true, force: true });
fs.rmSync(path.join(outDir, 'preload'), { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
preload.plugins = [contractNamesOnly(await apiMethodNames())];
if (watch) {
  const { context } = await import('esbuild');
  for (const options of [main, worker, preload]) await (await context(options)).watch();
  console.log('watching src/main/adapters/electron …');
} else {
  await Promise.all([build(main), build(worker), build(preload)]);
  for (const file of ['main/main.mjs', 'main/longWorkEntry.mjs', 'preload/preload.cjs']) {
    const size = fs.statSync(path.join(outDir, file)).size;
    console.log(`out/${file} ${(size / 1024).toFixed(0)} KiB`);
  }
  console.log(`build kind: ${buildKind}`);
}
