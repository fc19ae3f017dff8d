import type { ScenarioResult } from './scenario';

/** What every scenario must show: nothing accepted lost or doubled, readiness in time, recovery. */
export function expectHeld(result: ScenarioResult): void {
  expect(result.accepted).toBeGreaterThan(0);
  expect({
    lost: result.counts.lost,
    duplicated: result.counts.duplicated,
    slowReadiness: result.slowReadiness,
    recovered: Number.isFinite(result.recoveryMs),
  }).toEqual({ lost: 0, duplicated: 0, slowReadiness: [], recovered: true });
}
