#!/usr/bin/env node
// Static Electron security scan: @doyensec/electronegativity over the shell (src/main/adapters/electron).
// Fails (exit 1) on any HIGH finding that docs/security-scan.md does not accept with a written
// reason; writes every finding to out/electronegativity.csv. Runs offline: the tool's one network
// call (fetching translations) is stubbed out before it loads.
//
//   node scripts/security-scan.mjs [--input DIR] [--json]
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { input: { type: 'string' }, json: { type: 'boolean' } } });
const input = path.resolve(root, values.input ?? 'src/main/adapters/electron');
const output = path.join(root, 'out', 'electronegativity.csv');
const acceptedFile = path.join(root, 'docs', 'security-scan.md');

// No network in CI: `got` is only used to download translations; make it fail at once.
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'got')
    return () => Promise.reject(new Error('offline: security scan does not use the network'));
  return originalLoad.call(this, request, parent, isMain);
};
const require = createRequire(import.meta.url);
const quietLog = console.log;
console.log = () => undefined; // the tool prints its translation fallback notice
let result;
try {
  const run = require('@doyensec/electronegativity/dist/runner.js');
  fs.mkdirSync(path.dirname(output), { recursive: true });
  result = await run({
    input,
    output,
    isSarif: false,
    customScan: [],
    excludeFromScan: [],
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: '45.5.0',
    parserPlugins: [],
  });
} finally {
  console.log = quietLog;
  Module._load = originalLoad;
}

/**
 * docs/security-scan.md: a table whose rows name an accepted finding and why, e.g.
 * | CHECK_ID | file.ts | reason |
 * A HIGH finding is accepted only when a row matches its check id and file and gives a reason.
 */
function readAccepted() {
  if (!fs.existsSync(acceptedFile)) return [];
  const rows = [];
  for (const line of fs.readFileSync(acceptedFile, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 5 || !/^[A-Z0-9_]+$/.test(cells[1] ?? '')) continue;
    const [, id, file, reason] = cells;
    if (id && file && reason && reason.length >= 10) rows.push({ id, file: file.replace(/`/g, '') });
  }
  return rows;
}

const accepted = readAccepted();
const severityOf = (issue) =>
  String(issue.severity?.name ?? issue.severity?.value ?? issue.severity ?? '').toUpperCase();
const issues = result.issues.map((i) => ({
  id: i.id,
  severity: severityOf(i),
  confidence: String(i.confidence?.name ?? i.confidence ?? ''),
  file: String(i.file ?? '')
    .split(path.sep)
    .join('/'),
  line: i.location?.line ?? 0,
  description: i.description,
  manualReview: Boolean(i.manualReview),
}));
const high = issues.filter((i) => i.severity === 'HIGH');
const isAccepted = (i) => accepted.some((a) => a.id === i.id && (a.file === '*' || i.file.endsWith(a.file)));
const blocking = high.filter((i) => !isAccepted(i));
const parseErrors = result.errors.filter((e) => !e.tolerable);

if (values.json) {
  process.stdout.write(
    `${JSON.stringify({ input: path.relative(root, input), issues, blocking, errors: result.errors }, null, 2)}\n`,
  );
} else {
  console.log(
    `electronegativity: ${result.atomicChecks + result.globalChecks} checks over ${path.relative(root, input)}`,
  );
  for (const i of issues) {
    const tag = i.severity === 'HIGH' ? (isAccepted(i) ? 'HIGH (accepted)' : 'HIGH') : i.severity;
    console.log(`  ${tag.padEnd(16)} ${i.id.padEnd(40)} ${i.file}:${i.line}`);
  }
  for (const e of parseErrors) console.log(`  PARSE ERROR      ${e.file}: ${e.message}`);
  console.log(
    `findings: ${issues.length} (${high.length} high, ${blocking.length} not accepted); report: ${path.relative(root, output)}`,
  );
}
if (parseErrors.length > 0) {
  console.error('security scan: files could not be parsed, so they were not checked.');
  process.exit(1);
}
if (blocking.length > 0) {
  console.error(
    `security scan failed: ${blocking.length} HIGH finding(s) without an accepted reason in docs/security-scan.md.`,
  );
  process.exit(1);
}
