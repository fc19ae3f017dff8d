import { CI_SCOPE, POOL_SIZE, SCENARIO_TIMEOUT_MS, WORKLOAD } from './support/fault-scope';
import { reportFaults } from './support/fault-report';
import { expectHeld } from './support/expect-held';
import { killApp } from './support/faults';
import type { SuiteApp } from './support/readiness-watch';
import type { Mode } from './support/scenario';
import { FaultRun } from './support/scenario';

const APPS: SuiteApp[] = CI_SCOPE
  ? ['matching']
  : ['gateway', 'user', 'event', 'matching', 'proximity', 'reco', 'booking-agent'];
const MODES: Mode[] = CI_SCOPE ? ['mid-flow'] : ['mid-flow', 'burst'];

describe('an app of the suite SIGKILLed under load (npm start restarts it)', () => {
  let run: FaultRun | undefined;
  const prepared = () => {
    if (!run) throw new Error('the fault run was not prepared');
    return run;
  };

  beforeAll(async () => {
    run = await FaultRun.prepare(POOL_SIZE);
  }, SCENARIO_TIMEOUT_MS);

  afterAll(() => {
    reportFaults('process faults', run?.results ?? []);
    run?.close();
  });

  describe.each(APPS)('%s', (app) => {
    it.each(MODES)(
      '%s: every accepted effect kept once, readiness in time, recovered',
      async (mode) => {
        expectHeld(await prepared().scenario(killApp(app), mode, WORKLOAD));
      },
      SCENARIO_TIMEOUT_MS,
    );
  });
});
