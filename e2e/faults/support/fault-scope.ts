import type { WorkloadSize } from './workload';

/**
 * `npm run test:faults` runs every scenario under the load of the fault run;
 * `FAULTS_SCOPE=ci` (CI) runs a subset with a lighter load that fits in a few minutes.
 */
export const CI_SCOPE = process.env['FAULTS_SCOPE'] === 'ci';

export const WORKLOAD: WorkloadSize = CI_SCOPE
  ? { mutualLikes: 20, coffeePlans: 6, queuePairs: 8, queueWaits: 3, spreadMs: 12_000 }
  : { mutualLikes: 60, coffeePlans: 25, queuePairs: 25, queueWaits: 5, spreadMs: 25_000 };

/** People in the pool every scenario draws fresh pairs from. */
export const POOL_SIZE = CI_SCOPE ? 40 : 70;

/** A scenario's own budget: the workload, the fault, recovery and settling. */
export const SCENARIO_TIMEOUT_MS = 300_000;
