import fs from 'node:fs';
import { brusselsDate } from '../../shared/time/brussels';
import type { Clock } from '../../shared/time/clock';
import { fixedClock } from '../../shared/time/clock';
import { setAdminPin } from '../useCases/admin/adminPin';
import { importBatch } from '../useCases/import/importBatch';
import { handOut } from '../useCases/desk/handOut';
import { initPoint } from '../useCases/admin/initPoint';
import { backupDirFor } from '../platform/paths';
import { openStore } from '../store/openStore';
import { getSetting, setSetting } from '../store/settings';
import type { StoreContext } from '../store/storeContext';
import { POSTCODES_FILE } from '../platform/paths';
import {
  DEMO_ISSUER_KEY_FILE,
  DEMO_ISSUER_PUB_FILE,
  DEMO_POINTS_FILE,
  demoCardYear,
  demoPeriod,
  readAsset,
} from './demoDefaults';
import { demoPackageFor, loadPostcodeWeights, postcodesOfPoint } from './generateDemoCards';
import { readPointRows } from '../../shared/batch/readPointRows';

/** Shown in the demo banner: the demo store's admin PIN is public by design. */
export const DEMO_ADMIN_PIN = '482916';
export const DEMO_STAFF = ['An', 'Bram', 'Sofie', 'Jonas'];
const DEMO_POINT = 'BIB-GENT';

/**
 * Opens (making it on first use) a demo store: a separate file, marked demo_mode, holding the
 * built-in demo batch and a few weeks of demo hand-outs. Never a real point's database.
 */
export async function openDemoStore(dbPath: string, clock: Clock, cards = 5000): Promise<StoreContext> {
  const opened = openStore(dbPath);
  if (!opened.ok) throw new Error(`demo store cannot be opened: ${opened.error}`);
  const ctx: StoreContext = { db: opened.value, clock, dbPath, backupDir: backupDirFor(dbPath) };
  if (getSetting(ctx.db, 'demo_mode') === '1') return ctx;
  if (getSetting(ctx.db, 'point_id') !== null)
    throw new Error(`${dbPath} is a real point's store, not a demo store`);

  const pointsCsv = readAsset(DEMO_POINTS_FILE);
  const point = readPointRows(pointsCsv).rows.find((p) => p.pointId === DEMO_POINT);
  const init = initPoint(ctx, {
    pointId: DEMO_POINT,
    pointName: `${point?.naam ?? 'Bibliotheek'} (DEMO)`,
    issuerPublicKeyPem: fs.readFileSync(DEMO_ISSUER_PUB_FILE, 'utf8'),
  });
  if (!init.ok) throw new Error(`demo init failed: ${init.error}`);
  setSetting(ctx.db, 'demo_mode', '1');
  setSetting(ctx.db, 'staff_list', JSON.stringify(DEMO_STAFF));
  setAdminPin(ctx, DEMO_ADMIN_PIN, null);

  const cardYear = demoCardYear(clock.now());
  const period = demoPeriod(cardYear);
  const bytes = demoPackageFor({
    pointId: DEMO_POINT,
    pointName: point?.naam ?? 'Demopunt',
    count: cards,
    seed: 2027,
    privateKeyPem: fs.readFileSync(DEMO_ISSUER_KEY_FILE, 'utf8'),
    postcodes: postcodesOfPoint(loadPostcodeWeights(readAsset(POSTCODES_FILE)), point?.postcodes ?? []),
    ...period,
    cardYear,
    pointsCsv: new TextEncoder().encode(pointsCsv),
  });
  const imported = await importBatch(ctx, bytes);
  if (!imported.ok) throw new Error(`demo import failed: ${imported.error}`);
  seedDemoHandOuts(ctx, period.availableFrom);
  return ctx;
}

/** About a fifth of the cards handed out over the days so far, so Overzicht has something to show. */
function seedDemoHandOuts(ctx: StoreContext, availableFrom: string): void {
  const now = ctx.clock.now().getTime();
  const start = Math.max(Date.parse(`${availableFrom}T09:00:00Z`), now - 21 * 86_400_000);
  const days = Math.max(1, Math.floor((now - start) / 86_400_000));
  const cards = ctx.db
    .prepare(`SELECT card FROM cards WHERE issuer_status = 'beschikbaar' AND replaced_by IS NULL ORDER BY id`)
    .pluck()
    .all() as string[];
  const clock = fixedClock(new Date(start));
  const demoCtx: StoreContext = { ...ctx, clock };
  let handed = 0;
  for (let day = 0; day < days; day += 1) {
    const perDay = 20 + ((day * 37) % 45);
    for (let i = 0; i < perDay && handed < cards.length / 5; i += 1) {
      clock.set(new Date(start + day * 86_400_000 + i * 9 * 60_000));
      if (brusselsDate(clock.now()) >= brusselsDate(ctx.clock.now())) return;
      const card = cards[(handed * 7919) % cards.length] as string;
      const staff = DEMO_STAFF[(day + i) % DEMO_STAFF.length] as string;
      if (handOut(demoCtx, { card, staff, idChecked: true }).ok) handed += 1;
    }
  }
}
