import { loadavg } from 'node:os';

export interface LoadAverage {
  /** The one-minute load average when the benchmark began. */
  before: number;
  /** Its mean and highest value while it ran (sampled every second). */
  mean: number;
  max: number;
}

/** Samples the machine's one-minute load average until `stop`. */
export function watchLoadAverage(): { stop(): LoadAverage } {
  const before = loadavg()[0];
  const samples = [before];
  const timer = setInterval(() => samples.push(loadavg()[0]), 1000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      samples.push(loadavg()[0]);
      return {
        before,
        mean: samples.reduce((sum, value) => sum + value, 0) / samples.length,
        max: Math.max(...samples),
      };
    },
  };
}
