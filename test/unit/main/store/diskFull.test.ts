import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../../src/main/store/audit/auditLog';
import { importBatch } from '../../../../src/main/useCases/import/importBatch';
import { collectGroup } from '../../../../src/main/useCases/desk/collectGroup';
import { handOut } from '../../../../src/main/useCases/desk/handOut';
import { listBackups } from '../../../../src/main/store/backup';
import { openStore } from '../../../../src/main/store/openStore';
import type { StoreContext } from '../../../../src/main/store/storeContext';
import { makeCardNumber } from '../../../../src/shared/domain/cardNumber';
import { describeDeskProblem, type DeskProblem } from '../../../../src/shared/i18n/deskText';
import { describeStoreProblem, type StoreProblem } from '../../../../src/shared/i18n/storeText';
import { fixedClock } from '../../../../src/shared/time/clock';
import { CARDS_HEADER, makeTestPackage } from '../../../helpers/packages';
import { dbChecksum, tempDir, testStore } from '../../../helpers/store';

const CARDS = 300;
const CLOCK_AT = '2027-01-15T09:00:00Z';

function cardsCsv(first: number, count: number): string {
  const rows = [CARDS_HEADER];
  for (let i = first; i < first + count; i += 1) {
    rows.push(`${makeCardNumber(2_700_200_000 + i)};${81_000_000_000 + i};Leraar;Nummer ${i};9000;Gent;;`);
  }
  return `${rows.join('\r\n')}\r\n`;
}

const dirs: string[] = [];
let template: string;
let bigPackage: Uint8Array;

beforeAll(async () => {
  const store = testStore({ at: CLOCK_AT });
  dirs.push(store.dir);
  const imported = await importBatch(store, makeTestPackage({ cardsCsv: cardsCsv(1, CARDS) }));
  if (!imported.ok) throw new Error('could not prepare the store');
  store.db.close();
  template = store.dbPath;
  bigPackage = makeTestPackage({ batchId: '2027-BIB-GENT-02', cardsCsv: cardsCsv(CARDS + 1, 5_000) });
});

afterAll(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A real small file system (tmpfs) for the store, when this machine lets us mount one (root). */
function mountSmallDisk(sizeKb: number): string | null {
  const dir = tempDir('balie-full-');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], {
    stdio: 'ignore',
  });
  if (mounted.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  dirs.push(dir);
  return dir;
}

function unmount(dir: string): void {
  spawnSync('umount', [dir], { stdio: 'ignore' });
}

/** Fills the file system holding `dir` to the last byte, in a file that `free()` deletes. */
function fillDisk(dir: string): { free: () => void } {
  const filler = path.join(dir, 'filler.bin');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (let i = 0; i < 100_000; i += 1) fs.writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
  // Then the last partial chunk, byte-exact.
  for (let size = 32 * 1024; size >= 1; size = Math.floor(size / 2)) {
    try {
      fs.writeSync(fd, chunk.subarray(0, size));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    }
  }
  fs.closeSync(fd);
  return { free: () => fs.rmSync(filler, { force: true }) };
}

function storeOn(dir: string): StoreContext {
  const dbPath = path.join(dir, 'balie.sqlite');
  fs.copyFileSync(template, dbPath);
  const opened = openStore(dbPath);
  if (!opened.ok) throw new Error(`cannot open: ${opened.error}`);
  return { db: opened.value, clock: fixedClock(CLOCK_AT), dbPath, backupDir: path.join(dir, 'backups') };
}

function waitingCards(ctx: StoreContext, n: number): string[] {
  return ctx.db
    .prepare(
      `SELECT c.card FROM cards c LEFT JOIN card_state s ON s.card_id = c.id WHERE s.card_id IS NULL ORDER BY c.id LIMIT ?`,
    )
    .pluck()
    .all(n) as string[];
}

function expectWhole(ctx: StoreContext): void {
  expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(verifyAudit(ctx.db)).toMatchObject({ ok: true });
}

/** Root on Linux can mount a tmpfs; elsewhere only the max_page_count half below runs. */
function canMount(): boolean {
  const probe = mountSmallDisk(64);
  if (probe === null) return false;
  unmount(probe);
  return true;
}

/** Room for the store, its backup and a little more: a hand-out fits, a 5,000-card import does not. */
function diskKb(): number {
  return Math.ceil((fs.statSync(template).size * 2.5) / 1024) + 256;
}

function expectDutchDiskFull(refusal: unknown): void {
  const text = describeDeskProblem(refusal as DeskProblem);
  expect(text).toContain('De schijf van deze pc is vol');
  expect(text).toContain('niet opgeslagen');
  expect(text).toContain('Geef de kaart nog niet mee');
}

describe.runIf(canMount())('a desk PC whose disk is full (a real small tmpfs)', () => {
  it('refuses a hand-out it cannot write with a Dutch message, changes nothing, and hands out again once there is room', () => {
    const disk = mountSmallDisk(diskKb()) as string;
    const ctx = storeOn(disk);
    try {
      const [card, group] = [waitingCards(ctx, 1)[0] as string, waitingCards(ctx, 11).slice(1)];
      const before = dbChecksum(ctx.db);
      const filler = fillDisk(disk);

      const refused = handOut(ctx, { card, staff: 'Sofie', idChecked: true });
      expect(refused).toMatchObject({ ok: false, error: 'store_full' });
      expectDutchDiskFull(refused);

      const groupRefused = collectGroup(ctx, {
        collector: { kind: 'person', name: 'Ann', idNote: 'eID' },
        cards: group,
        staff: 'Sofie',
        idChecked: true,
      });
      expect(groupRefused).toMatchObject({ ok: false, error: 'store_full' });

      expect(dbChecksum(ctx.db)).toBe(before);
      expectWhole(ctx);

      filler.free();
      expect(handOut(ctx, { card, staff: 'Sofie', idChecked: true }).ok).toBe(true);
      expectWhole(ctx);
    } finally {
      ctx.db.close();
      unmount(disk);
    }
  });

  it.each([
    ['while it writes the cards', false],
    ['before even the backup fits', true],
  ])('leaves the store unchanged when the disk is full during an import (%s)', async (_when, fullBefore) => {
    const disk = mountSmallDisk(diskKb()) as string;
    const ctx = storeOn(disk);
    try {
      const before = dbChecksum(ctx.db);
      if (fullBefore) fillDisk(disk);
      const result = await importBatch(ctx, bigPackage);
      expect(result).toMatchObject({ ok: false, error: 'store_full' });
      expect(describeStoreProblem(result as StoreProblem)).toContain(
        'het pakket is niet ingelezen en er is niets gewijzigd',
      );
      expect(dbChecksum(ctx.db)).toBe(before);
      expect(listBackups(ctx.backupDir)).toEqual([]);
      expectWhole(ctx);
    } finally {
      ctx.db.close();
      unmount(disk);
    }
  });
});

/**
 * The same on any machine (no mount needed): SQLite's max_page_count caps the store file, and a
 * write past it fails exactly as on a full disk (SQLITE_FULL). The backup file is not capped.
 */
describe('a store that cannot grow (max_page_count, any machine)', () => {
  function cappedStore(): StoreContext {
    const dir = tempDir('balie-capped-');
    dirs.push(dir);
    const ctx = storeOn(dir);
    ctx.db.pragma(`max_page_count = ${ctx.db.pragma('page_count', { simple: true }) as number}`);
    return ctx;
  }

  it('hands out until the store is full, then refuses in Dutch; every card before it stays, the refused one is not written', () => {
    const ctx = cappedStore();
    try {
      const cards = waitingCards(ctx, CARDS);
      const handedOut: string[] = [];
      let refusal: unknown = null;
      for (const card of cards) {
        const before = dbChecksum(ctx.db);
        const result = handOut(ctx, { card, staff: 'Sofie', idChecked: true });
        if (!result.ok) {
          refusal = result;
          expect(dbChecksum(ctx.db)).toBe(before);
          break;
        }
        handedOut.push(card);
        ctx.clock = fixedClock(new Date(ctx.clock.now().getTime() + 60_000));
      }
      expect(refusal).toMatchObject({ ok: false, error: 'store_full' });
      expectDutchDiskFull(refusal);
      expect(handedOut.length).toBeLessThan(cards.length);
      const collected = ctx.db
        .prepare(
          `SELECT c.card FROM card_state s JOIN cards c ON c.id = s.card_id WHERE s.state = 'collected'`,
        )
        .pluck()
        .all() as string[];
      expect(collected.sort()).toEqual([...handedOut].sort());
      expectWhole(ctx);

      const groupRefused = collectGroup(ctx, {
        collector: { kind: 'person', name: 'Ann', idNote: 'eID' },
        cards: cards.slice(handedOut.length, handedOut.length + 10),
        staff: 'Sofie',
        idChecked: true,
      });
      expect(groupRefused).toMatchObject({ ok: false, error: 'store_full' });
      expectWhole(ctx);

      ctx.db.pragma('max_page_count = 1073741823');
      expect(
        handOut(ctx, { card: cards[handedOut.length] as string, staff: 'Sofie', idChecked: true }).ok,
      ).toBe(true);
    } finally {
      ctx.db.close();
    }
  });

  it('refuses an import that does not fit, in Dutch, with the store and its backups unchanged', async () => {
    const ctx = cappedStore();
    try {
      const before = dbChecksum(ctx.db);
      const result = await importBatch(ctx, bigPackage);
      expect(result).toMatchObject({ ok: false, error: 'store_full' });
      expect(describeStoreProblem(result as StoreProblem)).toContain(
        'het pakket is niet ingelezen en er is niets gewijzigd',
      );
      expect(dbChecksum(ctx.db)).toBe(before);
      expect(listBackups(ctx.backupDir)).toEqual([]);
      expectWhole(ctx);
    } finally {
      ctx.db.close();
    }
  });
});
