import type { Policy } from '../policy/parsePolicy';
import { DEFAULT_UPDATE_SETTINGS } from './updatePolicy';
import type { UpdateSettings } from './updatePolicy';

/** Updates run only when the policy names a server: the build's placeholder URL is never used. */
export function updateSettingsFromPolicy(
  policy: Policy,
  overrides: Partial<UpdateSettings> = {},
): UpdateSettings {
  return {
    ...DEFAULT_UPDATE_SETTINGS,
    enabled: policy.autoUpdate && policy.updateUrl !== null,
    feedUrl: policy.updateUrl,
    channel: policy.updateChannel,
    installWindow: policy.installWindow,
    ...overrides,
  };
}
