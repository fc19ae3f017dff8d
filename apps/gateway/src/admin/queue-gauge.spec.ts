import { randomUUID } from 'node:crypto';
import { TOPICS } from '@rendezvous/contracts';
import { aPartialEnvelope } from '@rendezvous/testing';
import { ticketMoves } from './queue-gauge';

describe(ticketMoves.name, () => {
  const [first, second] = [randomUUID(), randomUUID()];

  it('puts a new or requeued ticket in waiting', () => {
    expect(ticketMoves(aPartialEnvelope(TOPICS.QUEUE_TICKET_CREATED, { ticketId: first }))).toEqual(
      [{ ticketId: first, waiting: true }],
    );
    expect(
      ticketMoves(
        aPartialEnvelope(TOPICS.QUEUE_MATCH_CANCELLED, { requeuedTicketIds: [first, second] }),
      ),
    ).toEqual([
      { ticketId: first, waiting: true },
      { ticketId: second, waiting: true },
    ]);
  });

  it('takes paired, cancelled, expired and lost tickets out of waiting', () => {
    expect(
      ticketMoves(aPartialEnvelope(TOPICS.QUEUE_MATCH_FOUND, { ticketIds: [first, second] })),
    ).toEqual([
      { ticketId: first, waiting: false },
      { ticketId: second, waiting: false },
    ]);
    expect(ticketMoves(aPartialEnvelope(TOPICS.QUEUE_EXPIRED, { ticketId: first }))).toEqual([
      { ticketId: first, waiting: false },
    ]);
    expect(ticketMoves(aPartialEnvelope(TOPICS.QUEUE_TICKET_LOST, { ticketId: second }))).toEqual([
      { ticketId: second, waiting: false },
    ]);
    expect(
      ticketMoves(aPartialEnvelope(TOPICS.QUEUE_MATCH_LOST, { ticketIds: [first, second] })),
    ).toEqual([
      { ticketId: first, waiting: false },
      { ticketId: second, waiting: false },
    ]);
    expect(
      ticketMoves(aPartialEnvelope(TOPICS.QUEUE_TICKET_CANCELLED, { ticketId: second })),
    ).toEqual([{ ticketId: second, waiting: false }]);
  });

  it('moves nothing for other events', () => {
    expect(ticketMoves(aPartialEnvelope(TOPICS.QUEUE_MATCH_READY, {}))).toEqual([]);
  });
});
