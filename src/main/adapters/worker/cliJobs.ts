import type { PhaseProgress } from '../../../shared/api/progress';
import type { OnProgress } from '../../../shared/api/progress';
import type { Clock } from '../../../shared/time/clock';
import { openStore } from '../../store/openStore';
import { RESTORE_PHASES, restoreStore } from '../../store/restoreStore';
import type { AdminGrant } from '../../useCases/admin/adminPin';
import { RETENTION_PURGE_PHASES, purgeRetention } from '../../useCases/year/purgeArchives';

/** Where a CLI job finds the store, and the job's clock (the instant the command started). */
export interface CliJobPlace {
  dbPath: string;
  backupDir: string;
  clock: Clock;
}

/**
 * The CLI's long work (not API methods: restore replaces the store file, purge is the yearly
 * retention task), run in a worker thread by runCliJob. This table is the one list: the worker
 * looks its job up here, the phases are the use case's own, the types below derive from it.
 */
export const CLI_JOBS = {
  /** Opens no connection first: the restore must find the store closed by everyone. */
  restore: {
    phases: RESTORE_PHASES,
    run: (
      place: CliJobPlace,
      args: { file: string; allowOtherPoint: boolean },
      onProgress: OnProgress<(typeof RESTORE_PHASES)[number]>,
    ) =>
      restoreStore(place.dbPath, args.file, place.clock, {
        allowOtherPoint: args.allowOtherPoint,
        onProgress,
      }),
  },
  /** On its own connection; the grant was checked on the CLI's main thread. */
  purge: {
    phases: RETENTION_PURGE_PHASES,
    run: async (
      place: CliJobPlace,
      args: { grant: AdminGrant },
      onProgress: OnProgress<(typeof RETENTION_PURGE_PHASES)[number]>,
    ) => {
      const opened = openStore(place.dbPath);
      if (!opened.ok) throw new Error(`store: ${opened.error}`);
      const db = opened.value;
      try {
        return await purgeRetention({ db, ...place }, args.grant, onProgress);
      } finally {
        db.close();
      }
    },
  },
} as const;

export type CliJob = keyof typeof CLI_JOBS;
type Jobs = typeof CLI_JOBS;
export type CliJobArgs<J extends CliJob> = Parameters<Jobs[J]['run']>[1];
export type CliJobResult<J extends CliJob> = Awaited<ReturnType<Jobs[J]['run']>>;
export type CliJobPhase<J extends CliJob = CliJob> = Jobs[J]['phases'][number];
export type CliJobProgress = { [J in CliJob]: { work: J } & PhaseProgress<CliJobPhase<J>> }[CliJob];

/** Runs the named job here (the worker calls it on its own thread). */
export function runCliJobHere<J extends CliJob>(
  job: J,
  place: CliJobPlace,
  args: CliJobArgs<J>,
  progress: (p: CliJobProgress) => void,
): Promise<CliJobResult<J>> {
  const run = CLI_JOBS[job].run as (
    place: CliJobPlace,
    args: CliJobArgs<J>,
    onProgress: OnProgress<string>,
  ) => Promise<CliJobResult<J>>;
  return run(place, args, (p) => progress({ work: job, ...p } as CliJobProgress));
}
