import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Which store the desk app opens. The real store as soon as the point is configured (by the
 * machine policy or `balie init`); until then a separate, clearly labelled demo store
 * (demo.sqlite next to the real one, demo_mode=1). The two never mix.
 */
export type StoreChoice = { kind: 'real' } | { kind: 'demo'; reason: 'not_configured' | 'requested' };

export type RealStoreState =
  | { kind: 'absent' }
  | { kind: 'unconfigured' }
  | { kind: 'configured'; pointId: string }
  | { kind: 'unreadable'; detail: string };

export function chooseStore(input: {
  policyPointId: string | null;
  realStore: RealStoreState;
  /** `--demo` on the command line (trials, training); ignored once the policy names a point. */
  demoRequested: boolean;
}): StoreChoice {
  if (input.policyPointId !== null) return { kind: 'real' };
  // A real store we cannot read is never silently swapped for the demo: opening it shows why.
  if (input.realStore.kind === 'unreadable') return { kind: 'real' };
  if (input.demoRequested) return { kind: 'demo', reason: 'requested' };
  if (input.realStore.kind === 'configured') return { kind: 'real' };
  return { kind: 'demo', reason: 'not_configured' };
}

export function demoDbPathFor(realDbPath: string): string {
  return path.join(path.dirname(path.resolve(realDbPath)), 'demo.sqlite');
}

/** Looks at an existing store without creating, migrating or writing it. */
export function peekRealStore(dbPath: string): RealStoreState {
  if (!fs.existsSync(dbPath)) return { kind: 'absent' };
  let db: Database.Database | null = null;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
    const hasSettings = db
      .prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'settings'`)
      .get();
    if (!hasSettings) return { kind: 'unconfigured' };
    const row = db.prepare(`SELECT value FROM settings WHERE key = 'point_id'`).get() as
      { value: string } | undefined;
    return row ? { kind: 'configured', pointId: row.value } : { kind: 'unconfigured' };
  } catch (error) {
    return { kind: 'unreadable', detail: (error as Error).message };
  } finally {
    db?.close();
  }
}
