import { TOPICS } from '@rendezvous/contracts';
import { anEnvelope } from '@rendezvous/testing';
import { statsDeltas } from './stats-deltas';

describe(statsDeltas.name, () => {
  const at = (type: string, data: object) => ({
    ...anEnvelope(type, data),
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

  it('ignores events it does not count', () => {
    expect(statsDeltas(at(TOPICS.USER_UPDATED, {}))).toEqual([]);
  });
});
