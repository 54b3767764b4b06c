import fs from 'node:fs';
import { NO_POLICY, decodePolicyBytes, parsePolicy } from './parsePolicy';
import type { Policy, PolicyProblem } from './parsePolicy';

export type LoadedPolicy =
  | { kind: 'absent'; file: string; policy: Policy }
  | { kind: 'valid'; file: string; policy: Policy }
  | { kind: 'invalid'; file: string; problems: PolicyProblem[] };

/** Reads the policy file; a missing file is no error (no policy), an unreadable one is. */
export function loadPolicy(file: string): LoadedPolicy {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent', file, policy: NO_POLICY };
    return {
      kind: 'invalid',
      file,
      problems: [{ code: 'not_json', detail: `onleesbaar: ${code ?? (error as Error).message}` }],
    };
  }
  const parsed = parsePolicy(decodePolicyBytes(bytes));
  return parsed.ok
    ? { kind: 'valid', file, policy: parsed.value }
    : { kind: 'invalid', file, problems: parsed.problems };
}
