import type { BenchRow, Log } from './bench-row';

/** What every benchmark is given: where the suite is and who may act as its admin. */
export interface BenchContext {
  gatewayUrl: string;
  /** An account among the suite's ADMIN_EMAILS (signed up on first use, signed in after). */
  admin: { email: string; password: string };
  log: Log;
}

/** An entry of `npm run bench`: a benchmark with the sizes of a full run and of a smoke run. */
export interface Benchmark {
  /** Its own script is `npm run bench:<name>`. */
  name: string;
  run(context: BenchContext): Promise<BenchRow[]>;
  /** The same with tiny sizes, seconds long: does it still produce sane figures. */
  smoke(context: BenchContext): Promise<BenchRow[]>;
}

/** A registry entry from a benchmark's function and its two sets of options. */
export function benchmark<Options>(
  name: string,
  run: (options: Options, context: BenchContext) => Promise<BenchRow[]>,
  sizes: { full: Options; smoke: Options },
): Benchmark {
  return {
    name,
    run: (context) => run(sizes.full, context),
    smoke: (context) => run(sizes.smoke, context),
  };
}
