import type { UpdateStatus } from './updateController';

/**
 * The one place the API reads update status from, without importing the shell: the shell
 * registers its controller's getUpdateStatus at start; the CLI, the web transport and tests see
 * the "not configured" status.
 */
let source: (() => UpdateStatus) | null = null;

export function setUpdateStatusSource(get: (() => UpdateStatus) | null): void {
  source = get;
}

export function getUpdateStatus(): UpdateStatus {
  if (source) return source();
  return {
    enabled: false,
    feedUrl: null,
    channel: 'latest',
    currentVersion: '',
    phase: 'disabled',
    lastCheckAt: null,
    lastSuccessfulCheckAt: null,
    nextCheckAt: null,
    verdict: null,
    availableVersion: null,
    stagingPercentage: null,
    downloadedVersion: null,
    progressPercent: null,
    installHours: null,
    installOnQuit: false,
    lastError: null,
  };
}
