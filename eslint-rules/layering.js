// Local ESLint rule: the layers of Lerarenkaart Balie, checked on every import.
//
//   src/shared    pure domain code: imports only src/shared and the pure packages listed below
//   src/renderer  DOM code: src/shared, src/renderer and browser packages; never Node or electron
//   src/main      Node code, never src/renderer, grouped by role:
//     platform/   technology and machine facts (paths, zip, crypto, keys, security, policy, updates):
//                 src/shared only
//     store/      the SQLite store, its migrations, events and audit chain: platform and shared
//     useCases/   one module per thing a librarian, admin or issuer does: store, platform, shared
//     demo/       the built-in demo data: use cases, store, platform, shared
//     adapters/   the ways in (api handlers, cli, web, electron): anything in main; `electron` and
//                 `electron-updater` only in adapters/electron (the shell)
//
// Modelled on VS Code's code-layering rule and Signal Desktop's file-suffix rule.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const SHARED_PACKAGES = new Set(['zod']);
const RENDERER_PACKAGES = new Set([
  'react',
  'react-dom',
  'react-dom/client',
  'react/jsx-runtime',
  '@zxing/library',
  'zod',
]);

function layerOf(file) {
  const rel = file.split(path.sep).join('/');
  if (rel.includes('/src/shared/')) return 'shared';
  if (rel.includes('/src/renderer/')) return 'renderer';
  if (rel.includes('/src/main/adapters/electron/')) return 'shell';
  if (rel.includes('/src/main/')) return 'main';
  return null;
}

/** The role folder of a file in src/main (platform, store, useCases, demo, adapters). */
function roleOf(file) {
  const match = /\/src\/main\/([^/]+)\//.exec(file.split(path.sep).join('/'));
  return match ? match[1] : null;
}

/** Which roles each role may import (besides itself and src/shared). */
const ROLE_IMPORTS = {
  platform: [],
  store: ['platform'],
  useCases: ['store', 'platform'],
  demo: ['useCases', 'store', 'platform'],
  adapters: ['useCases', 'store', 'platform', 'demo'],
};

function packageName(spec) {
  if (spec.startsWith('@')) return spec.split('/').slice(0, 2).join('/');
  return spec.split('/')[0];
}

/** @type {import('eslint').Rule.RuleModule} */
export const layering = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep src/shared pure, the renderer out of Node, and electron inside the shell.' },
    schema: [],
    messages: {
      forbidden: '{{layer}} may not import "{{spec}}": {{why}}',
    },
  },
  create(context) {
    const file = context.filename;
    const layer = layerOf(file);
    if (!layer) return {};

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      const report = (why) => context.report({ node, messageId: 'forbidden', data: { layer, spec, why } });
      if (spec.startsWith('.')) {
        const target = layerOf(path.resolve(path.dirname(file), spec) + '/x');
        if (!target) return;
        if (layer === 'shared' && target !== 'shared') return report('src/shared imports only src/shared');
        if (layer === 'renderer' && target !== 'renderer' && target !== 'shared')
          return report('the renderer reaches main only through the API contract');
        if ((layer === 'main' || layer === 'shell') && target === 'renderer')
          return report('main never imports renderer code');
        if (layer === 'main' && target === 'shell')
          return report('only the shell may depend on electron code');
        const from = roleOf(file);
        const to = roleOf(path.resolve(path.dirname(file), spec) + '/x');
        if (from && to && from !== to) {
          const allowed = ROLE_IMPORTS[from];
          if (!allowed) return report(`src/main/${from} is not a role folder (see eslint-rules/layering.js)`);
          if (!allowed.includes(to)) return report(`${from} may import only ${[...allowed, 'shared'].join(', ')}`);
        }
        return;
      }
      const isNode = NODE_BUILTINS.has(spec) || spec.startsWith('node:');
      const pkg = packageName(spec);
      if (layer === 'shared') {
        if (isNode) return report('src/shared must not use Node built-ins');
        if (!SHARED_PACKAGES.has(pkg))
          return report('src/shared uses only pure packages (' + [...SHARED_PACKAGES].join(', ') + ')');
        return;
      }
      if (layer === 'renderer') {
        if (isNode) return report('the renderer must not use Node built-ins');
        if (!RENDERER_PACKAGES.has(spec) && !RENDERER_PACKAGES.has(pkg))
          return report('not a renderer package');
        return;
      }
      if (pkg === 'electron' || pkg === 'electron-updater') {
        if (layer !== 'shell') return report('only files in src/main/adapters/electron import electron');
      }
    }

    return {
      ImportDeclaration(node) {
        check(node, node.source.value);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value);
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value);
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value);
      },
      CallExpression(node) {
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          node.arguments[0]?.type === 'Literal'
        )
          check(node, node.arguments[0].value);
      },
    };
  },
};

export default { rules: { layering } };
