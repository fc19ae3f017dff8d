import { randomUUID } from 'node:crypto';
import { waitFor } from '@rendezvous/testing';
import type { Person } from '../support/api-client';
import { signUp } from '../support/api-client';
import { theAdmin } from '../support/moderation';
import { refusedHandshake } from '../support/realtime-client';
import { SUITE_GATEWAY_URL } from '../support/suite-settings';
import { expectData } from '../support/typed-api';
import { expectHeld } from './support/expect-held';
import { reportFaults } from './support/fault-report';
import { CI_SCOPE, POOL_SIZE, SCENARIO_TIMEOUT_MS, WORKLOAD } from './support/fault-scope';
import type { Fault } from './support/faults';
import { killKafka, restartPostgres, restartRedis } from './support/faults';
import type { Mode } from './support/scenario';
import { FaultRun } from './support/scenario';

const FAULTS: (() => Fault)[] = CI_SCOPE
  ? [restartRedis]
  : [() => killKafka(5_000), restartPostgres, restartRedis];
const MODES: Mode[] = CI_SCOPE ? ['mid-flow'] : ['mid-flow', 'burst'];

/** The status a call with this token gets now (0 when the gateway does not answer). */
async function statusWith(token: string, method: string, path: string, body?: unknown) {
  try {
    const response = await fetch(`${SUITE_GATEWAY_URL}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'x-forwarded-for': `10.250.${Math.floor(Math.random() * 250)}.1`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
    };
  } catch {
    return { status: 0, body: {} };
  }
}

describe('Kafka, PostgreSQL or Redis lost under load', () => {
  let run: FaultRun | undefined;
  const prepared = () => {
    if (!run) throw new Error('the fault run was not prepared');
    return run;
  };

  beforeAll(async () => {
    run = await FaultRun.prepare(POOL_SIZE);
  }, SCENARIO_TIMEOUT_MS);

  afterAll(() => {
    reportFaults('infrastructure faults', run?.results ?? []);
    run?.close();
  });

  describe.each(FAULTS.map((fault) => [fault().name, fault] as const))('%s', (_name, fault) => {
    it.each(MODES)(
      '%s: every accepted effect kept once (or reported to its owners), readiness in time, recovered',
      async (mode) => {
        expectHeld(await prepared().scenario(fault(), mode, WORKLOAD));
      },
      SCENARIO_TIMEOUT_MS,
    );
  });

  it(
    'keeps revocations and blocks through a Redis restart that loses every key',
    async () => {
      const admin = await theAdmin();
      const [gone, held, ada, bob] = await Promise.all(
        ['Gone', 'Held', 'Ada', 'Bob'].map((name) => signUp(name)),
      );
      expectData(await ada.api.POST('/api/v1/users/me/blocks', { body: { userId: bob.id } }), 201);
      expectData(
        await admin.client.api.POST('/api/v1/admin/users/{id}/suspend', {
          params: { path: { id: held.id } },
          body: { note: 'fault run: suspended before Redis is lost' },
        }),
        200,
      );
      expect((await gone.api.DELETE('/api/v1/users/me')).response.status).toBe(204);
      const refused = async (person: Person) =>
        (await statusWith(person.token, 'GET', '/notifications')).status === 401;
      await waitFor(async () => (await refused(gone)) && (await refused(held)), {
        message: 'the deleted and the suspended person refused',
      });

      const fault = restartRedis();
      const heal = fault.heal;
      if (!heal) throw new Error('a Redis restart brings Redis back');
      await fault.inject();
      const answers: number[] = [];
      const until = Date.now() + 15_000;
      let healed = false;
      while (Date.now() < until) {
        if (!healed && Date.now() > until - 14_000) {
          await heal.run();
          healed = true;
        }
        for (const person of [gone, held]) {
          answers.push((await statusWith(person.token, 'GET', '/notifications')).status);
        }
      }
      // Refused (401), or not served while the gateway rebuilds what it lost (503) or reconnects.
      expect(answers.filter((status) => ![0, 401, 503].includes(status))).toEqual([]);
      expect(answers.at(-1)).toBe(401);
      await expect(refusedHandshake(gone.token)).resolves.toBeTruthy();
      await expect(refusedHandshake(held.token)).resolves.toBeTruthy();

      // Ada and Bob join one topic: the queue keeps them apart as before.
      const topic = `after the flush ${randomUUID().slice(0, 8)}`;
      const join = async (person: Person) => {
        const answer = await waitFor(
          async () => {
            const joined = await statusWith(person.token, 'POST', '/matching/queue', {
              topic,
              difficulty: 'medium',
            });
            return joined.status === 201 ? joined.body : undefined;
          },
          { message: 'a ticket once the queue is back' },
        );
        return answer as { ticketId: string; status: string };
      };
      const first = await join(ada);
      const second = await join(bob);
      expect([first.status, second.status]).toEqual(['waiting', 'waiting']);
      for (const [person, ticket] of [
        [ada, first],
        [bob, second],
      ] as const) {
        expect(
          (await statusWith(person.token, 'DELETE', `/matching/queue/${ticket.ticketId}`)).status,
        ).toBe(204);
      }
    },
    SCENARIO_TIMEOUT_MS,
  );
});
