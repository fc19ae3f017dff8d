import { BENCHMARKS } from './registry';
import { contextFromEnv } from './support/cli';
import { insaneFigures } from './support/sane-figures';

// `npm run bench -- --smoke` inside the e2e run, against the suite the e2e tests started (its
// ADMIN_EMAILS include the benchmarks' admin): every benchmark at tiny sizes, so none rots.
// A few benchmarks boot a built service of their own (twice, for the ranking), which takes longer
// than one request-level test on a machine that also runs the whole suite.
const SMOKE_TIMEOUT_MS = 180_000;

describe('npm run bench', () => {
  const context = { ...contextFromEnv(), log: () => undefined };

  it.each(BENCHMARKS.map((entry) => [entry.name, entry] as const))(
    'runs %s at smoke sizes into rows of sane figures',
    async (_name, entry) => {
      expect(insaneFigures(await entry.smoke(context))).toEqual([]);
    },
    SMOKE_TIMEOUT_MS,
  );
});
