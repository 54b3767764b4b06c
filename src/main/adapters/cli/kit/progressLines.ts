import type { CliJobPhase, CliJobProgress } from '../../worker/cliJobs';
import { flag } from './argValues';
import type { CliIo } from './cliIo';
import type { ParsedArgs } from './command';
import { cliTexts } from './cliTexts';

const t = cliTexts();

/** The option every long command takes: progress lines on stderr even when it is not a terminal. */
export const PROGRESS_OPTION = { progress: { type: 'boolean' } } as const;

/** One text per phase (its unit in the words): a phase without one does not compile. */
const phaseKey = (phase: CliJobPhase) => `cli.progress.${phase}` as const;

/**
 * Where a long command's progress goes: a line on stderr per message (the job throttles them),
 * when stderr is a terminal or with --progress; otherwise nowhere, so stdout and stderr stay as
 * they were for scripts and tests.
 */
export function progressLines(args: ParsedArgs, io: CliIo): ((p: CliJobProgress) => void) | undefined {
  if (!flag(args, 'progress') && io.errIsTty !== true) return undefined;
  return ({ phase, done, total }) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    io.err(t(phaseKey(phase), { done, total, percent }));
  };
}
