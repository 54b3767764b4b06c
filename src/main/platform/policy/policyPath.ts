import path from 'node:path';

export const POLICY_ENV_VAR = 'BALIE_POLICY_FILE';

/**
 * The machine-wide policy file IT deploys (GPO, Intune, Ansible …):
 *   Windows  %ProgramData%\Lerarenkaart Balie\policy.json
 *   macOS    /Library/Application Support/Lerarenkaart Balie/policy.json
 *   Linux    /etc/lerarenkaart-balie/policy.json
 * `BALIE_POLICY_FILE` overrides it (tests, trials).
 */
export function policyPath(platform: NodeJS.Platform, env: Record<string, string | undefined>): string {
  const override = env[POLICY_ENV_VAR];
  if (override !== undefined && override.trim() !== '') return override;
  if (platform === 'win32') {
    const programData = env.ProgramData ?? env.PROGRAMDATA ?? env.ALLUSERSPROFILE ?? 'C:\\ProgramData';
    return path.win32.join(programData, 'Lerarenkaart Balie', 'policy.json');
  }
  if (platform === 'darwin') return '/Library/Application Support/Lerarenkaart Balie/policy.json';
  return '/etc/lerarenkaart-balie/policy.json';
}
