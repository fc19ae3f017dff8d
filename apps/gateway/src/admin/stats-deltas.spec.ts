import type { EventData, Topic } from '@rendezvous/contracts';
import { DECISION_ACTIONS, TOPICS } from '@rendezvous/contracts';
import { aPartialEnvelope } from '@rendezvous/testing';
import { statsDeltas } from './stats-deltas';

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

  it('follows the waiting queue through pairs, requeues, cancels and expiry', () => {
    const moves = [
      at(TOPICS.QUEUE_TICKET_CREATED, {}),
      at(TOPICS.QUEUE_TICKET_CREATED, {}),
      at(TOPICS.QUEUE_MATCH_FOUND, {}),
      at(TOPICS.QUEUE_MATCH_CANCELLED, { requeuedTicketIds: ['t1'] }),
      at(TOPICS.QUEUE_EXPIRED, {}),
    ].flatMap(statsDeltas);
    expect(moves.reduce((sum, d) => sum + d.by, 0)).toBe(0);
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
