import { COMMON_ERRORS } from '@rendezvous/contracts';
import type { Problem } from '@rendezvous/testing';
import type { BookingTestApp, Person } from './booking-test-app';
import { inHours, startBookingApp } from './booking-test-app';

describe('booking agent: objectionable text', () => {
  let t: BookingTestApp;
  let venueId: string;
  let ada: Person;
  let bob: Person;

  beforeAll(async () => {
    t = await startBookingApp();
    venueId = await t.venue(20);
    ada = await t.person();
    bob = await t.person();
  });

  afterAll(async () => {
    await t.close();
  });

  const propose = (message: string) =>
    t.request<Problem & { message: string }>('POST', '/plans', {
      token: ada.token,
      body: { venueId, startsAt: inHours(24).toISOString(), inviteeIds: [bob.id], message },
    });

  it('refuses an objectionable plan message, naming the field', async () => {
    const response = await propose('drinks, you $lut?');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(COMMON_ERRORS.OBJECTIONABLE_TEXT);
    expect(response.body.errors).toEqual([
      { path: 'message', message: 'message must not contain objectionable language' },
    ]);
  });

  it('stores a message with an ordinary word that contains a bad one', async () => {
    const response = await propose('Shiitake ramen after the Sussex match?');
    expect(response.status).toBe(201);
    expect(response.body.message).toBe('Shiitake ramen after the Sussex match?');
  });
});
