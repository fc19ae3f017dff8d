import type { LedgerPair, LedgerTicket } from './queue-loss';
import { queueLosses } from './queue-loss';

const ticket = (ticketId: string, userId = `${ticketId}-owner`): LedgerTicket => ({
  ticketId,
  userId,
  topic: 'rust',
  difficulty: 'easy',
  version: 1,
});

const pair = (matchId: string, ticketIds: [string, string]): LedgerPair => ({
  matchId,
  userIds: ['ada', 'bob'],
  ticketIds,
  version: 1,
});

const none = { tickets: new Set<string>(), pairs: new Set<string>() };

describe(queueLosses.name, () => {
  it('reports every open ticket and pair when Redis holds none of them', () => {
    const open = {
      tickets: [ticket('t1'), ticket('t2'), ticket('t3')],
      pairs: [pair('m1', ['t2', 't3'])],
    };
    expect(queueLosses(open, none)).toEqual({ pairs: [open.pairs[0]], tickets: [open.tickets[0]] });
  });

  it('reports nothing that Redis still holds', () => {
    const open = {
      tickets: [ticket('t1'), ticket('t2'), ticket('t3')],
      pairs: [pair('m1', ['t2', 't3'])],
    };
    const present = { tickets: new Set(['t1', 't2', 't3']), pairs: new Set(['m1']) };
    expect(queueLosses(open, present)).toEqual({ pairs: [], tickets: [] });
  });

  it('tells a kept pair nothing even when one of its tickets is gone', () => {
    const open = { tickets: [ticket('t2'), ticket('t3')], pairs: [pair('m1', ['t2', 't3'])] };
    const present = { tickets: new Set(['t3']), pairs: new Set(['m1']) };
    expect(queueLosses(open, present)).toEqual({ pairs: [], tickets: [] });
  });

  it('reports a lost waiting ticket beside a kept one', () => {
    const open = { tickets: [ticket('t1'), ticket('t2')], pairs: [] };
    const present = { tickets: new Set(['t2']), pairs: new Set<string>() };
    expect(queueLosses(open, present).tickets.map((t) => t.ticketId)).toEqual(['t1']);
  });
});
