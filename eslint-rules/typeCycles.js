// Local ESLint rule: no import cycle between files, counting `import type` too.
//
// import-x/no-cycle skips type-only imports by design (they vanish at run time), so a module pair
// tied by a type one way and a value the other way passes it — and such a pair is still one
// module in two files. This rule follows every relative import, types included. Other files'
// imports are read from disk with TypeScript's pre-processor (cached by mtime), the linted file's
// own from its AST.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const CANDIDATES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];
const depsCache = new Map();

function resolve(from, spec) {
  if (typeof spec !== 'string' || !spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const suffix of CANDIDATES) {
    const candidate = base + suffix;
    if (/\.tsx?$/.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile())
      return candidate;
  }
  return null;
}

function depsOf(file) {
  let mtime;
  try {
    mtime = fs.statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const cached = depsCache.get(file);
  if (cached && cached.mtime === mtime) return cached.deps;
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  const deps = [...new Set(info.importedFiles.map((i) => resolve(file, i.fileName)).filter(Boolean))];
  depsCache.set(file, { mtime, deps });
  return deps;
}

/** The files from `start` back to `target`, or null when `target` cannot be reached. */
function routeBack(start, target) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const next of depsOf(file)) {
      if (next === target) {
        const route = [];
        for (let at = file; at !== null; at = previous.get(at)) route.unshift(at);
        return route;
      }
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

const noTypeCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycle between files, type-only imports included.' },
    schema: [],
    messages: { cycle: 'Import cycle (types included): {{route}}' },
  },
  create(context) {
    const file = context.physicalFilename;
    const root = context.cwd;
    const check = (node) => {
      const target = resolve(file, node.source?.value);
      if (target === null || target === file) return;
      const route = routeBack(target, file);
      if (route === null) return;
      const shown = [file, ...route, file].map((f) => path.relative(root, f)).join(' → ');
      context.report({ node, messageId: 'cycle', data: { route: shown } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: (node) => node.source && check(node),
      ExportAllDeclaration: check,
    };
  },
};

export default { rules: { 'no-type-cycle': noTypeCycle } };
