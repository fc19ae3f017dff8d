import { COMMON_ERRORS } from '@rendezvous/contracts';
import type { EventTestApp, Person, Problem } from './event-test-app';
import { anEvent, startEventApp } from './event-test-app';

describe('event service: objectionable text', () => {
  let t: EventTestApp;
  let ada: Person;

  beforeAll(async () => {
    t = await startEventApp();
    ada = await t.person({ name: 'Ada' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('refuses an objectionable title on create, naming the field', async () => {
    const response = await t.request<Problem>('POST', '/events', {
      token: ada.token,
      body: anEvent({ title: 'F*ck Mondays meetup' }),
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(COMMON_ERRORS.OBJECTIONABLE_TEXT);
    expect(response.body.errors).toEqual([
      { path: 'title', message: 'title must not contain objectionable language' },
    ]);
  });

  it('refuses an objectionable description on update and keeps the event as it was', async () => {
    const created = await t.request<{ id: string }>('POST', '/events', {
      token: ada.token,
      body: anEvent({ title: 'Scunthorpe classic car meetup' }),
    });
    expect(created.status).toBe(201);
    const refused = await t.request<Problem>('PATCH', `/events/${created.body.id}`, {
      token: ada.token,
      body: { description: 'bring your b1tch' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe(COMMON_ERRORS.OBJECTIONABLE_TEXT);
    expect(refused.body.errors).toEqual([
      { path: 'description', message: 'description must not contain objectionable language' },
    ]);
    const event = await t.request<{ description: string }>('GET', `/events/${created.body.id}`, {
      token: ada.token,
    });
    expect(event.body.description).toBe('Talks, then drinks.');
  });
});
