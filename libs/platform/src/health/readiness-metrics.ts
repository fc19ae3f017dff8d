import { Gauge } from 'prom-client';
import type { PlatformMetrics } from '../metrics/platform-metrics';
import type { ReadinessMonitor } from './readiness-monitor';
import { assessReadiness } from './readiness';

/**
 * `health_ready` (what `/health/ready` would answer, 1 or 0) and `health_dependency_up` per
 * dependency, from the monitor's last verdicts: a replica that runs but is not ready is still
 * scraped, and alerts see it.
 */
export function registerReadinessGauges(
  metrics: PlatformMetrics,
  monitor: ReadinessMonitor,
  draining: () => boolean,
): void {
  const registers = [metrics.registry];
  new Gauge({
    name: 'health_ready',
    help: '1 while /health/ready answers 200, else 0',
    registers,
    collect() {
      const report = assessReadiness(monitor.snapshot(), 'metrics', draining());
      this.set(report.status === 200 ? 1 : 0);
    },
  });
  new Gauge({
    name: 'health_dependency_up',
    help: '1 while the last check of a dependency (database, redis, kafka) passed, else 0',
    labelNames: ['dependency'],
    registers,
    collect() {
      for (const state of monitor.snapshot().dependencies) {
        this.set({ dependency: state.name }, state.up ? 1 : 0);
      }
    },
  });
}
