import type { BenchRow } from './bench-row';
import type { BenchContext } from './benchmark';

/** The context of a benchmark run on its own (`npm run bench:<name>`), from the environment. */
export function contextFromEnv(): BenchContext {
  return {
    gatewayUrl:
      process.env['GATEWAY_URL'] ?? process.env['BENCH_GATEWAY_URL'] ?? 'http://127.0.0.1:3000',
    admin: {
      email: process.env['BENCH_ADMIN_EMAIL'] ?? 'admin@bench.rendezvous.test',
      password: process.env['BENCH_ADMIN_PASSWORD'] ?? 'bench-admin-password',
    },
    log: (line) => console.log(line),
  };
}

/** The n-th positional argument (from 0) as a number, or `fallback` when it is not given. */
export function numberArg(index: number, fallback: number): number {
  const value = process.argv[2 + index];
  return value === undefined ? fallback : Number(value);
}

/**
 * Runs a benchmark from its npm script: exits 1 when it throws or counts failed operations
 * (exiting also ends sockets and consumers it may leave open).
 */
export function runFromCli(run: (context: BenchContext) => Promise<BenchRow[]>): void {
  run(contextFromEnv()).then(
    (rows) => process.exit(rows.some((row) => row.errors > 0) ? 1 : 0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
