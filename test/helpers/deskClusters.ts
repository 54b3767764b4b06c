import { afterAll, afterEach } from 'vitest';
import { killAllDesks, startDesks } from './deskProcesses';
import type { DeskCluster } from './deskProcesses';

/**
 * A test file's desk clusters: each test starts its own, and it is cleaned up after the test
 * (and every serve process ended after the file), also when the test fails half-way.
 */
export function desksPerTest(): { start: typeof startDesks } {
  let current: DeskCluster | null = null;
  afterEach(async () => {
    await current?.cleanup();
    current = null;
  });
  afterAll(killAllDesks);
  return {
    start: async (count, options) => {
      current = await startDesks(count, options);
      return current;
    },
  };
}
