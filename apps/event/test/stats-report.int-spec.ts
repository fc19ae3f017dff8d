import { TOPICS } from '@rendezvous/contracts';
import type { StatsReporter } from '@rendezvous/platform';
import { STATS_REPORTER, publishableJson } from '@rendezvous/platform';
import type { EventTestApp, Person } from './event-test-app';
import { anEvent, startEventApp } from './event-test-app';

describe('event service: stats.reported', () => {
  let t: EventTestApp;
  let reporter: StatsReporter;

  beforeAll(async () => {
    t = await startEventApp();
    reporter = t.app.get<StatsReporter>(STATS_REPORTER);
  });

  afterAll(async () => {
    await t.close();
  });

  it('reports events not cancelled and every registration on its day, returns and removed rows included', async () => {
    const organizer = await t.person();
    const events: string[] = [];
    for (let i = 0; i < 2; i++) {
      const created = await t.request<{ id: string }>('POST', '/events', {
        token: organizer.token,
        body: anEvent(),
      });
      expect(created.status).toBe(201);
      events.push(created.body.id);
    }
    expect(
      (await t.request('DELETE', `/events/${events[1]}`, { token: organizer.token })).status,
    ).toBe(204);
    const register = async (who: Person) =>
      expect(
        (await t.request('POST', `/events/${events[0]}/registrations`, { token: who.token }))
          .status,
      ).toBe(201);
    const [ada, bob] = [await t.person(), await t.person()];
    await register(ada);
    await register(bob);
    expect(
      (
        await t.request('DELETE', `/events/${events[0]}/registrations/me`, {
          token: bob.token,
        })
      ).status,
    ).toBe(204);
    await register(bob);
    // Ada's account goes: her registration row is removed with it.
    await t.deliver(
      TOPICS.USER_DELETED,
      { userId: ada.id, deletedAt: new Date().toISOString() },
      ada.id,
      2,
    );

    const report = await reporter.snapshot();
    expect(report.data).toEqual({
      service: 'event',
      asOf: report.data.asOf,
      totals: { eventsScheduled: 1 },
      days: [{ day: report.data.asOf.slice(0, 10), registrations: 3 }],
    });
    expect(() => publishableJson(report)).not.toThrow();
  });
});
