// `npm run demo`: a demo store in .balie-demo/ with the built-in demo batch, then a short tour.
// Every step goes through the real CLI, as an IT admin would script it.
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../src/main/adapters/cli/main';
import { DEMO_ISSUER_PUB_FILE } from '../src/main/demo/demoDefaults';

const dir = path.resolve('.balie-demo');
const db = path.join(dir, 'demo.sqlite');
const lkb = path.join(dir, 'demo-BIB-GENT.lkb');
fs.mkdirSync(dir, { recursive: true });

async function step(title: string, argv: string[]): Promise<void> {
  console.log(`\n$ balie ${argv.join(' ')}    # ${title}`);
  const code = await main(['--db', db, ...argv]);
  if (code !== 0) process.exit(code);
}

if (!fs.existsSync(db)) {
  await step('demopakket maken (testsleutel)', [
    'demo-batch',
    '--point',
    'BIB-GENT',
    '--cards',
    '5000',
    '--out',
    lkb,
  ]);
  await step('punt instellen', [
    'init',
    '--point',
    'BIB-GENT',
    '--name',
    'Bibliotheek De Krook, Gent (DEMO)',
    '--issuer-key',
    DEMO_ISSUER_PUB_FILE,
  ]);
  await step('pakket inlezen', ['import', lkb]);
}
await step('zoeken op naam, zonder accenten', ['search', 'van den b', '--limit', '5']);
await step('zoeken op postcode', ['search', '9031', '--limit', '3']);
await step('stand van zaken', ['stats']);
console.log(`\nDemo-database: ${db}  (verder met: bin/balie --db ${path.relative(process.cwd(), db)} …)`);
