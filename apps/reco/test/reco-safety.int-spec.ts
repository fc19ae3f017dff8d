import { randomUUID } from 'node:crypto';
import type { AuditRecordedData, Envelope } from '@rendezvous/contracts';
import { AUTH_ERRORS, RECO_ERRORS, TOPICS } from '@rendezvous/contracts';
import { EnvelopeValidator } from '@rendezvous/platform';
import type { KafkaCollector, TestRequest, TokenIssuer } from '@rendezvous/testing';
import {
  anEnvelope,
  apiRequests,
  collectMessages,
  domainErrorCode,
  startTokenIssuer,
  testKafka,
  waitFor,
  aUserStatusEvent,
} from '@rendezvous/testing';
import { RecoService } from '../src/recommendations/reco.service';
import type { RecoTestApp } from './reco-test-app';
import { startRecoApp } from './reco-test-app';

const noFilter = { category: null, maxPriceLevel: null };

// Each test has its own spot on the map.
let spot = 0;
function somewhere() {
  spot += 1;
  return { lat: 10 + spot * 2, lng: 20 + spot * 3, city: null };
}

describe('reco: suspended, banned and auto-hidden people', () => {
  let t: RecoTestApp;
  let reco: RecoService;
  let issuer: TokenIssuer;
  let request: TestRequest;
  let collector: KafkaCollector;

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    t = await startRecoApp({ JWKS_URL: issuer.jwksUrl });
    reco = t.app.get(RecoService);
    request = apiRequests(t.app);
    collector = await collectMessages(testKafka(), [TOPICS.AUDIT_RECORDED, TOPICS.VENUE_UPDATED]);
  });

  afterAll(async () => {
    await collector.stop();
    await t.close();
    issuer.close();
  });

  const connect = (a: string, b: string) => {
    const id = randomUUID();
    return t.deliver(
      anEnvelope(
        TOPICS.CONNECTION_ACCEPTED,
        {
          connectionId: id,
          fromUserId: a,
          toUserId: b,
          status: 'accepted',
          types: ['request'],
          strength: 0.5,
        },
        { aggregateId: id },
      ),
    );
  };
  const companions = async (callerId: string) =>
    (await reco.people(callerId, null, 20)).items.map((item) => item.userId).sort();
  const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

  it('recommends no suspended, banned or auto-hidden companion, and shows them again when restored', async () => {
    const caller = await t.person();
    const [suspended, banned, hidden, timed, plain] = await Promise.all(
      Array.from({ length: 5 }, () => t.person()),
    );
    for (const friend of [suspended, banned, hidden, timed, plain]) {
      await connect(caller.userId, friend.userId);
    }
    const everyone = [suspended, banned, hidden, timed, plain].map((p) => p.userId).sort();
    expect(await companions(caller.userId)).toEqual(everyone);

    await t.standing(suspended.userId, 2, { status: 'suspended' });
    await t.standing(banned.userId, 2, { status: 'banned' });
    await t.standing(hidden.userId, 2, { hidden: true });
    await t.standing(timed.userId, 2, { status: 'suspended', suspendedUntil: inSeconds(2) });
    expect(await companions(caller.userId)).toEqual([plain.userId]);

    // Reinstated; a decision lifted the auto-hide; the timed suspension ends by itself.
    await t.standing(suspended.userId, 3);
    await t.standing(hidden.userId, 3);
    expect(await companions(caller.userId)).toEqual(
      [suspended.userId, hidden.userId, plain.userId].sort(),
    );
    await waitFor(async () => (await companions(caller.userId)).includes(timed.userId), {
      timeoutMs: 5_000,
      message: 'the timed suspension to end',
    });
    expect(await companions(caller.userId)).not.toContain(banned.userId);
  });

  it('applies a standing only when newer, once per event', async () => {
    const caller = await t.person();
    const friend = await t.person();
    await connect(caller.userId, friend.userId);
    await t.standing(friend.userId, 5);
    // An older suspension arriving late (reinstated since) changes nothing.
    await t.standing(friend.userId, 4, { status: 'suspended' });
    expect(await companions(caller.userId)).toEqual([friend.userId]);

    const suspension = aUserStatusEvent(friend.userId, 7, { status: 'suspended' });
    await t.deliver(suspension);
    await t.deliver(suspension);
    await t.standing(friend.userId, 6);
    expect(await companions(caller.userId)).toEqual([]);
    const [row] = (await t.db.query(
      'SELECT status, version FROM account_status WHERE user_id = $1',
      [friend.userId],
    )) as { status: string; version: number }[];
    expect(row).toEqual({ status: 'suspended', version: 7 });
  });

  it('offers no venues for two with a suspended or banned person (404), but does with an auto-hidden one', async () => {
    const [alice, bob, carol, dan] = await Promise.all(
      Array.from({ length: 4 }, () => t.person(somewhere())),
    );
    await t.standing(bob.userId, 2, { status: 'suspended', suspendedUntil: inSeconds(3600) });
    await t.standing(carol.userId, 2, { status: 'banned' });
    await t.standing(dan.userId, 2, { hidden: true });
    for (const other of [bob, carol]) {
      expect(await domainErrorCode(reco.meet(alice.userId, other.userId, noFilter, 5))).toBe(
        RECO_ERRORS.USER_NOT_FOUND,
      );
    }
    expect(await domainErrorCode(reco.meet(alice.userId, dan.userId, noFilter, 5))).toBeUndefined();

    await t.standing(bob.userId, 3);
    expect(await domainErrorCode(reco.meet(alice.userId, bob.userId, noFilter, 5))).toBeUndefined();
  });

  it("refuses a suspended person's token with 401 AUTH.ACCOUNT_SUSPENDED until reinstated", async () => {
    const person = await t.person();
    const token = await issuer.sign(person.userId);
    expect((await request('GET', '/reco/people', { token })).status).toBe(200);

    const until = inSeconds(3600);
    await t.standing(person.userId, 2, { status: 'suspended', suspendedUntil: until });
    const refused = await request('GET', '/reco/people', { token });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({
      code: AUTH_ERRORS.ACCOUNT_SUSPENDED,
      accountStatus: 'suspended',
      suspendedUntil: until,
    });

    await t.standing(person.userId, 3);
    expect((await request('GET', '/reco/people', { token })).status).toBe(200);
  });

  it('records each venue change by an admin as one audit.recorded event with the actor', async () => {
    const adminId = randomUUID();
    const admin = await issuer.sign(adminId, 'admin');
    const created = await request<{ id: string }>('POST', '/venues', {
      token: admin,
      body: { name: 'Audited', category: 'cafe', lat: 1, lng: 2, priceLevel: 2 },
    });
    expect(created.status).toBe(201);
    const venueId = created.body.id;
    const updated = await request('PATCH', `/venues/${venueId}`, {
      token: admin,
      body: { rating: 4.5 },
    });
    expect(updated.status).toBe(200);
    const refused = await request('PATCH', `/venues/${venueId}`, {
      token: await issuer.sign(randomUUID()),
      body: { rating: 1 },
    });
    expect(refused.status).toBe(403);

    const ofVenue = () =>
      collector.messages.filter((m) => (m.json as Envelope).aggregateId === venueId);
    // The update's audit is committed with venue.updated; once both are out, so is every audit.
    await waitFor(
      () =>
        ofVenue().some((m) => m.topic === TOPICS.VENUE_UPDATED) &&
        ofVenue().filter((m) => m.topic === TOPICS.AUDIT_RECORDED).length >= 2,
      { timeoutMs: 10_000, message: 'the venue events and their audits' },
    );
    const audits = ofVenue().filter((m) => m.topic === TOPICS.AUDIT_RECORDED);
    expect(audits.map((m) => (m.json as Envelope<AuditRecordedData>).data)).toEqual([
      { actorId: adminId, action: 'venue.created', objectId: venueId, at: expect.any(String) },
      { actorId: adminId, action: 'venue.updated', objectId: venueId, at: expect.any(String) },
    ]);
    const validator = new EnvelopeValidator();
    for (const audit of audits) {
      expect(() => validator.parse(audit.topic, audit.message.value)).not.toThrow();
    }
  });
});
