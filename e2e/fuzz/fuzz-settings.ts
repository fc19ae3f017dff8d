/** How long and how hard the fuzz run goes; each can be set in the environment to replay or widen. */
const fromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** Total time spent sending fuzzed requests (setup and the victim check come on top). */
export const FUZZ_SECONDS = fromEnv('FUZZ_SECONDS', 120);
/** The fast-check seed of the first route; route n uses seed + n. Printed by every run. */
export const FUZZ_SEED = fromEnv('FUZZ_SEED', Math.floor(Math.random() * 2 ** 31));
/** Routes fuzzed at the same time. */
export const FUZZ_CONCURRENCY = fromEnv('FUZZ_CONCURRENCY', 4);
/** Cases per route at most; in practice each route stops at its share of FUZZ_SECONDS. */
export const FUZZ_RUNS = fromEnv('FUZZ_RUNS', 5000);
/** Attackers in turn: each has its own per-user rate limit. */
export const FUZZ_ATTACKERS = fromEnv('FUZZ_ATTACKERS', 24);
/** An answer slower than this counts as a hang. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** Every route gets at least this long, even when the run is late. */
export const MIN_ROUTE_MS = 1_000;
