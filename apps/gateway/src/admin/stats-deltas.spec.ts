import type { EventData, Topic } from '@rendezvous/contracts';
import { DECISION_ACTIONS, TOPICS } from '@rendezvous/contracts';
import { aPartialEnvelope } from '@rendezvous/testing';
import { QUEUE_TOPICS } from './queue-gauge';
import { COUNTED_TOPICS, statsDeltas, statsOwner } from './stats-deltas';

describe(statsDeltas.name, () => {
  const at = <T extends Topic>(type: T, data: Partial<EventData<T>>) => ({
    ...aPartialEnvelope(type, data),
    occurredAt: '2026-11-26T23:59:59.000Z',
  });

  it('counts swipes per UTC day and likes only for likes and super likes', () => {
    expect(statsDeltas(at(TOPICS.SWIPE_PERFORMED, { action: 'pass' }))).toEqual([
      { counter: 'swipes', day: '2026-11-26', by: 1 },
    ]);
    expect(statsDeltas(at(TOPICS.SWIPE_PERFORMED, { action: 'super_like' }))).toEqual([
      { counter: 'swipes', day: '2026-11-26', by: 1 },
      { counter: 'likes', day: '2026-11-26', by: 1 },
    ]);
  });

  it('leaves the queue to its gauge', () => {
    for (const type of QUEUE_TOPICS) expect(statsDeltas(at(type, {}))).toEqual([]);
  });

  it('counts a report as open until it is decided, and per UTC day when it is filed', () => {
    expect(statsDeltas(at(TOPICS.REPORT_CREATED, {}))).toEqual([
      { counter: 'reportsOpen', by: 1 },
      { counter: 'reports', day: '2026-11-26', by: 1 },
    ]);
    for (const action of DECISION_ACTIONS) {
      expect(statsDeltas(at(TOPICS.REPORT_DECIDED, { action }))).toEqual([
        { counter: 'reportsOpen', by: -1 },
      ]);
    }
  });

  it('ignores events it does not count', () => {
    expect(statsDeltas(at(TOPICS.USER_UPDATED, {}))).toEqual([]);
    expect(statsDeltas(at(TOPICS.USER_STATUS_CHANGED, {}))).toEqual([]);
    expect(statsDeltas(at(TOPICS.AUDIT_RECORDED, {}))).toEqual([]);
  });
});

describe(statsOwner.name, () => {
  it('names the reporting service behind every counted topic', () => {
    expect(Object.fromEntries(COUNTED_TOPICS.map((topic) => [topic, statsOwner(topic)]))).toEqual({
      [TOPICS.USER_CREATED]: 'user',
      [TOPICS.USER_DELETED]: 'user',
      [TOPICS.REPORT_CREATED]: 'user',
      [TOPICS.REPORT_DECIDED]: 'user',
      [TOPICS.SWIPE_PERFORMED]: 'matching',
      [TOPICS.MATCH_CREATED]: 'matching',
      [TOPICS.EVENT_CREATED]: 'event',
      [TOPICS.EVENT_CANCELLED]: 'event',
      [TOPICS.EVENT_REGISTRATION_CREATED]: 'event',
      [TOPICS.BOOKING_CONFIRMED]: 'booking-agent',
      [TOPICS.BOOKING_FAILED]: 'booking-agent',
    });
  });
});
