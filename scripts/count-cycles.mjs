#!/usr/bin/env node
// Import cycles in src/ and test/, for the closing notes of a refactor: between files (what the
// lint rules forbid, `import type` included) and between folders (not linted; a folder pair that
// imports each other is a hint that a module sits in the wrong folder).
//   node scripts/count-cycles.mjs [DIR…]
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = process.cwd();
const dirs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['src', 'test'];
const files = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
  }
};
for (const dir of dirs) walk(path.join(root, dir));

function resolve(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

const fileGraph = new Map();
const folderGraph = new Map();
for (const file of files) {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  const deps = [...new Set(importedFiles.map((i) => resolve(file, i.fileName)).filter(Boolean))];
  fileGraph.set(file, deps);
  const folder = path.dirname(file);
  const out = folderGraph.get(folder) ?? new Set();
  for (const dep of deps) if (path.dirname(dep) !== folder) out.add(path.dirname(dep));
  folderGraph.set(folder, out);
}

/** Strongly connected components with more than one member (Tarjan). */
function cycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(path.relative(root, w));
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

for (const [name, graph] of [
  ['files', fileGraph],
  ['folders', folderGraph],
]) {
  const found = cycles(graph);
  console.log(`${name}: ${found.length} cycle(s) among ${graph.size}`);
  for (const component of found) console.log(`  ${component.join(' ↔ ')}`);
}
