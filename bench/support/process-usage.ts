import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

// Linux reports CPU time in clock ticks; 100 per second on every platform Node runs on here.
const TICKS_PER_SECOND = 100;

interface Usage {
  rssMiB: number;
  cpuSeconds: number;
}

/** A process's resident memory (MiB) and the CPU time it has used so far (seconds). */
export function processUsage(pid: number): Usage {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKiB = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  // Fields after the command name, which is in parentheses and may hold spaces.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [utime, stime] = [Number(fields[11]), Number(fields[12])];
  return { rssMiB: rssKiB / 1024, cpuSeconds: (utime + stime) / TICKS_PER_SECOND };
}

/** The summed usage of processes that still run (one that exited meanwhile counts as nothing). */
function groupUsage(pids: readonly number[]): Usage {
  let rssMiB = 0;
  let cpuSeconds = 0;
  for (const pid of pids) {
    try {
      const usage = processUsage(pid);
      rssMiB += usage.rssMiB;
      cpuSeconds += usage.cpuSeconds;
    } catch {
      // gone
    }
  }
  return { rssMiB, cpuSeconds };
}

/** The pid `npm start` recorded for one of the suite's apps (`.local/run/<app>.pid`). */
export function suitePid(app: string, runDir = '.local/run'): number {
  const file = join(runDir, `${app}.pid`);
  if (!existsSync(file)) throw new Error(`${file} is missing: is the suite running (npm start)?`);
  return Number(readFileSync(file, 'utf8').trim());
}

/** The pids of processes whose command line contains `needle`. */
export function pidsMatching(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle)) pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

/** The suite's seven apps, Postgres, Redis, Kafka and this benchmark, each a group of pids. */
export function suiteProcesses(): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const app of [
    'gateway',
    'matching',
    'user',
    'reco',
    'event',
    'proximity',
    'booking-agent',
  ]) {
    try {
      groups.set(app, [suitePid(app)]);
    } catch {
      // not running
    }
  }
  groups.set('postgres', pidsMatching('postgres'));
  groups.set('redis', pidsMatching('redis-server'));
  groups.set('kafka', pidsMatching('kafka.Kafka'));
  groups.set('bench', [process.pid]);
  return groups;
}

export interface ProcessFigures {
  name: string;
  /** CPU used over the phase, in % of one core. */
  cpuPercent: number;
  rssMiB: number;
  peakRssMiB: number;
}

export interface PhaseUsage {
  seconds: number;
  processes: ProcessFigures[];
  /** The machine's one-minute load average at the end of the phase. */
  loadAverage: number;
}

/**
 * Watches groups of processes through a phase: the CPU they used from start to stop, and their
 * resident memory sampled every `intervalMs` for the peak.
 */
export function watchProcesses(groups: Map<string, number[]>, intervalMs = 250) {
  const started = performance.now();
  const first = new Map([...groups].map(([name, pids]) => [name, groupUsage(pids)]));
  const peaks = new Map([...first].map(([name, usage]) => [name, usage.rssMiB]));
  const timer = setInterval(() => {
    for (const [name, pids] of groups) {
      peaks.set(name, Math.max(peaks.get(name) ?? 0, groupUsage(pids).rssMiB));
    }
  }, intervalMs);
  return {
    stop(): PhaseUsage {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      const processes = [...groups].map(([name, pids]) => {
        const end = groupUsage(pids);
        const cpu = end.cpuSeconds - (first.get(name)?.cpuSeconds ?? 0);
        return {
          name,
          cpuPercent: (100 * cpu) / seconds,
          rssMiB: end.rssMiB,
          peakRssMiB: Math.max(peaks.get(name) ?? 0, end.rssMiB),
        };
      });
      return { seconds, processes, loadAverage: loadavg()[0] };
    },
  };
}

export const formatUsage = (usage: PhaseUsage) =>
  usage.processes
    .map(
      (p) =>
        `${p.name} ${p.cpuPercent.toFixed(0)}% CPU, RSS ${p.rssMiB.toFixed(0)} MiB (peak ${p.peakRssMiB.toFixed(0)})`,
    )
    .join('\n  ') + `\n  load average ${usage.loadAverage.toFixed(2)}`;
