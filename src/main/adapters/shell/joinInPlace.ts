import fs from 'node:fs';
import { fail } from '../../../shared/result';
import type { Failure, Result } from '../../../shared/result';
import type { Clock } from '../../../shared/time/clock';
import { keyDirFor } from '../../platform/keys/installationKey';
import { backupDirFor } from '../../platform/paths';
import { joinPoint } from '../../useCases/point/joinPoint';
import type { JoinedPoint, JoinPointFailure } from '../../useCases/point/joinPoint';

/** What the shell's empty store leaves where the joined one goes: moved aside, never deleted first. */
function storeFiles(dbPath: string): string[] {
  return [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`, keyDirFor(dbPath)];
}

const ASIDE = '.before-join';

export type JoinInPlaceFailure =
  JoinPointFailure | Failure<'in_use'> | Failure<'other_point', { found: string; expected: string }>;

/**
 * Joins a host at the path of the shell's own store, which holds nothing yet (the handler checks
 * it): `joinPoint` wants a file that does not exist, so the empty store (and its keys) is moved
 * aside after the shell has closed it, the join runs at the same path, and then the old files are
 * deleted (joined) or put back (refused: nothing changed). The caller reopens the store either way.
 */
export async function joinInPlace(args: {
  dbPath: string;
  clock: Clock;
  url: string;
  code: string;
  deskName: string;
  /** The point this PC is set up for (Electron: the machine policy's pointId); another is refused. */
  expectPoint?: string | null;
}): Promise<Result<JoinedPoint, JoinInPlaceFailure>> {
  const moved: string[] = [];
  // Whatever is at these paths now came from the join (all of them were moved aside or absent):
  // it goes first, so no joined WAL or key is ever left next to the restored store.
  const restoreMoved = () => {
    for (const file of moved.splice(0).reverse()) fs.renameSync(file + ASIDE, file);
  };
  const putBack = () => {
    for (const file of storeFiles(args.dbPath)) fs.rmSync(file, { recursive: true, force: true });
    restoreMoved();
  };
  try {
    for (const file of storeFiles(args.dbPath)) {
      if (!fs.existsSync(file)) continue;
      fs.rmSync(file + ASIDE, { recursive: true, force: true });
      fs.renameSync(file, file + ASIDE);
      moved.push(file);
    }
  } catch {
    // A file still open elsewhere (Windows refuses to move it): nothing is joined, all goes back.
    restoreMoved();
    return fail('in_use');
  }
  let joined: Awaited<ReturnType<typeof joinPoint>>;
  try {
    joined = await joinPoint({
      dbPath: args.dbPath,
      url: args.url,
      code: args.code,
      deskName: args.deskName,
      clock: args.clock,
      backupDir: backupDirFor(args.dbPath),
    });
  } catch {
    joined = fail('transfer_failed');
  }
  if (!joined.ok) {
    putBack();
    return joined;
  }
  const expected = args.expectPoint ?? null;
  if (expected !== null && joined.value.pointId !== expected) {
    // Two points' data are never mixed on one PC: the copy goes, the empty store comes back.
    putBack();
    return fail('other_point', { found: joined.value.pointId, expected });
  }
  for (const file of moved) fs.rmSync(file + ASIDE, { recursive: true, force: true });
  return joined;
}
