// The gateway's memory over Socket.IO connection churn (issue 21): one person connects `batch`
// sockets at once and closes them, `rounds` times; after each round (every connection closed as
// the gateway counts them) the gateway's resident memory (/proc) and V8 heap (its /metrics).
// A first round warms up; the figures compare the rounds after it. With the gateway started with
// NODE_OPTIONS="--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=<dir>" and BENCH_HEAP_SNAPSHOT_DIR
// set to that folder, the gateway writes a heap snapshot after the warm-up and after the last
// round, to compare with `node dist/bench/heap-snapshot-diff.js <before> <after>`.
// Needs the suite running (npm start).
// Usage: npm run bench:churn -- [rounds=6] [batch=2000] [client threads=2]
import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@rendezvous/testing';
import type { BenchRow } from './support/bench-row';
import type { BenchContext } from './support/benchmark';
import { numberArg, runFromCli } from './support/cli';
import { processUsage, suitePid } from './support/process-usage';
import { SocketFleet } from './support/socket-fleet';
import { suiteTokenMinter } from './support/suite-tokens';

export interface ChurnOptions {
  rounds: number;
  batch: number;
  clientThreads: number;
  /** The gateway's --diagnostic-dir, where it writes heap snapshots on SIGUSR2; none without. */
  heapSnapshotDir?: string;
}

/** A full run (issue 21's figures) and a smoke run of seconds. */
export const CHURN_SIZES: { full: ChurnOptions; smoke: ChurnOptions } = {
  full: { rounds: 6, batch: 2_000, clientThreads: 2 },
  smoke: { rounds: 2, batch: 50, clientThreads: 1 },
};

interface Reading {
  rssMiB: number;
  heapUsedMiB: number;
  sockets: number;
}

async function gatewayMetric(gateway: string, name: string): Promise<number> {
  const text = await (await fetch(`${gateway}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  if (!line) throw new Error(`the gateway's /metrics has no ${name}`);
  return Number(line.slice(line.lastIndexOf(' ') + 1));
}

async function read(gateway: string, pid: number): Promise<Reading> {
  const [heapUsed, sockets] = await Promise.all([
    gatewayMetric(gateway, 'nodejs_heap_size_used_bytes'),
    gatewayMetric(gateway, 'socketio_connections'),
  ]);
  return { rssMiB: processUsage(pid).rssMiB, heapUsedMiB: heapUsed / 2 ** 20, sockets };
}

const format = (r: Reading) =>
  `RSS ${r.rssMiB.toFixed(1)} MiB, heap used ${r.heapUsedMiB.toFixed(1)} MiB, ${r.sockets} sockets`;

/**
 * Signals the gateway to write a heap snapshot into `directory` (its --diagnostic-dir); resolves
 * with the file once it has stopped growing.
 */
async function heapSnapshot(pid: number, directory: string): Promise<string> {
  const before = new Set(readdirSync(directory));
  process.kill(pid, 'SIGUSR2');
  let lastSize = -1;
  return waitFor(
    () => {
      const file = readdirSync(directory).find(
        (name) => name.endsWith('.heapsnapshot') && !before.has(name),
      );
      if (!file) return undefined;
      const { size } = statSync(join(directory, file));
      const done = size > 0 && size === lastSize;
      lastSize = size;
      return done && join(directory, file);
    },
    { timeoutMs: 300_000, intervalMs: 1_000, message: 'the heap snapshot to be written' },
  );
}

export async function socketChurn(
  options: ChurnOptions,
  { gatewayUrl, log }: BenchContext,
): Promise<BenchRow[]> {
  const pid = suitePid('gateway');
  const mint = await suiteTokenMinter();
  const personId = randomUUID();
  const token = await mint(personId);
  const devices = Array.from({ length: options.batch }, (_, d) => ({
    personId,
    deviceId: String(d),
    token,
  }));
  const readings: Reading[] = [await read(gatewayUrl, pid)];
  log(`before: ${format(readings[0])}`);
  const started = performance.now();
  for (let round = 1; round <= options.rounds; round++) {
    const fleet = await SocketFleet.connect({
      gateway: gatewayUrl,
      devices,
      events: [],
      threads: options.clientThreads,
    });
    const open = await read(gatewayUrl, pid);
    await fleet.close();
    const baseline = readings[0].sockets;
    await waitFor(
      async () => (await gatewayMetric(gatewayUrl, 'socketio_connections')) <= baseline,
      { timeoutMs: 60_000, intervalMs: 200, message: 'the gateway to see every socket closed' },
    );
    const closed = await read(gatewayUrl, pid);
    readings.push(closed);
    log(
      `round ${round}: ${options.batch * round} cycles; open: ${format(open)}; closed: ${format(closed)}`,
    );
    if (options.heapSnapshotDir && (round === 1 || round === options.rounds)) {
      log(`heap snapshot: ${await heapSnapshot(pid, options.heapSnapshotDir)}`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const warm = readings[1];
  const last = readings[readings.length - 1];
  const growth = (after: number, before: number) => (100 * (after - before)) / before;
  log(
    `after the warm-up round -> after round ${options.rounds}: RSS ${warm.rssMiB.toFixed(1)} -> ` +
      `${last.rssMiB.toFixed(1)} MiB (${growth(last.rssMiB, warm.rssMiB).toFixed(1)} %), heap used ` +
      `${warm.heapUsedMiB.toFixed(1)} -> ${last.heapUsedMiB.toFixed(1)} MiB; load average ${loadavg()[0].toFixed(2)}`,
  );
  return [
    {
      path: `gateway RSS over ${options.batch * options.rounds} socket connect/disconnect cycles`,
      load: `${options.batch} sockets at a time, one person`,
      p50: null,
      p95: null,
      p99: null,
      throughput: (options.batch * options.rounds) / seconds,
      unit: 'cycles/s',
      errors: 0,
      note:
        `RSS ${readings[0].rssMiB.toFixed(0)} before, ${warm.rssMiB.toFixed(0)} after round 1, ` +
        `${last.rssMiB.toFixed(0)} MiB after round ${options.rounds} ` +
        `(${growth(last.rssMiB, warm.rssMiB).toFixed(1)} %); heap used ` +
        `${warm.heapUsedMiB.toFixed(0)} -> ${last.heapUsedMiB.toFixed(0)} MiB; load ${loadavg()[0].toFixed(2)}`,
    },
  ];
}

if (require.main === module) {
  runFromCli((context) =>
    socketChurn(
      {
        rounds: numberArg(0, CHURN_SIZES.full.rounds),
        batch: numberArg(1, CHURN_SIZES.full.batch),
        clientThreads: numberArg(2, CHURN_SIZES.full.clientThreads),
        heapSnapshotDir: process.env['BENCH_HEAP_SNAPSHOT_DIR'],
      },
      context,
    ),
  );
}
