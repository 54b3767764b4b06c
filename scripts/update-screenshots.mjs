#!/usr/bin/env node
/**
 * Copies the screenshots the e2e tests wrote to test-results/screens/ into docs/screenshots/ —
 * only those the docs show (the list below), and only when their bytes changed, so a run that
 * changed nothing leaves git clean. Run after `npm run test:e2e` (or the specs that make them):
 *   node scripts/update-screenshots.mjs [--check]
 * With --check it copies nothing and exits 1 when a docs picture is missing or stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = path.join(root, 'test-results', 'screens');
const to = path.join(root, 'docs', 'screenshots');

/** The pictures README.md and docs/*.md link, by the test that writes them. */
export const DOC_SCREENSHOTS = [
  'balie-klaar.png', // test/e2e/balie.spec.ts
  'balie-al-afgehaald.png', // test/e2e/balie.spec.ts
  'groepsafhaling.png', // test/e2e/group.spec.ts
  'groepsafhaling-ontvangstbewijs.png', // test/e2e/group.spec.ts
  'overzicht.png', // test/e2e/accessibility.spec.ts
  'overzicht-kaart.png', // test/e2e/overview.spec.ts: the map, an area in focus
  'beheer.png', // test/e2e/accessibility.spec.ts
  'webcam-kader.png', // test/e2e/webcam.spec.ts
  'uitgever-verslag.png', // test/e2e/issuerReport.spec.ts: balie aggregate --format html
  'uitgever-verslag-problemen.png', // test/e2e/issuerReport.spec.ts: with a broken chain
  'meerdere-balies-offline.png', // test/e2e/severalDesks.spec.ts: the header while the host is away
  'meerdere-balies-dubbel.png', // test/e2e/severalDesks.spec.ts: a double hand-out resolved in Overzicht
  'meerdere-balies-live.png', // test/e2e/severalDesksLive.spec.ts: the open card after a hand-out elsewhere
  'hostrol-overgedragen.png', // test/e2e/severalDesksLive.spec.ts: Beheer → Balies on the new host
];

const check = process.argv.includes('--check');
let changed = 0;
let missing = 0;
for (const name of DOC_SCREENSHOTS) {
  const fresh = path.join(from, name);
  const doc = path.join(to, name);
  if (!fs.existsSync(fresh)) {
    console.log(`  ${name}: not in test-results/screens (run its test first)`);
    missing += 1;
    continue;
  }
  const bytes = fs.readFileSync(fresh);
  if (fs.existsSync(doc) && fs.readFileSync(doc).equals(bytes)) continue;
  changed += 1;
  if (check) {
    console.log(`  ${name}: differs from docs/screenshots`);
  } else {
    fs.mkdirSync(to, { recursive: true });
    fs.writeFileSync(doc, bytes);
    console.log(`  ${name}: updated`);
  }
}
console.log(
  `${changed} changed, ${missing} not made, ${DOC_SCREENSHOTS.length - changed - missing} unchanged`,
);
process.exitCode = check && changed > 0 ? 1 : 0;
