import { randomUUID } from 'node:crypto';
import type { Envelope } from '@rendezvous/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { InboxService } from './inbox.service';

/** A stand-in for Postgres: the inbox table is a set; a failed transaction keeps nothing. */
function fakeDataSource() {
  const committed = new Set<string>();
  const dataSource = {
    async transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
      const pending = new Set(committed);
      const tx = {
        query: async (_sql: string, [id]: [string]) => {
          if (pending.has(id)) return [];
          pending.add(id);
          return [{ event_id: id }];
        },
      } as unknown as EntityManager;
      const result = await work(tx);
      for (const id of pending) committed.add(id);
      return result;
    },
  };
  return { dataSource: dataSource as unknown as DataSource, committed };
}

const event = (): Envelope => ({
  id: randomUUID(),
  type: 'user.updated',
  schemaVersion: 1,
  occurredAt: new Date().toISOString(),
  source: 'user',
  aggregateId: randomUUID(),
  aggregateVersion: 1,
  correlationId: 'c'.repeat(32),
  data: {},
});

describe(InboxService.name, () => {
  it('applies an event once and reports the redelivery as a duplicate', async () => {
    const { dataSource } = fakeDataSource();
    const inbox = new InboxService(dataSource);
    const effect = jest.fn(async () => 'applied');
    const e = event();
    await expect(inbox.once(e, effect)).resolves.toEqual({ duplicate: false, result: 'applied' });
    await expect(inbox.once(e, effect)).resolves.toEqual({ duplicate: true });
    expect(effect).toHaveBeenCalledTimes(1);
  });

  it('does not record an event whose effect failed, so the retry applies it', async () => {
    const { dataSource, committed } = fakeDataSource();
    const inbox = new InboxService(dataSource);
    const e = event();
    await expect(inbox.once(e, () => Promise.reject(new Error('db hiccup')))).rejects.toThrow(
      'db hiccup',
    );
    expect(committed.has(e.id)).toBe(false);
    const effect = jest.fn(async () => 1);
    await expect(inbox.once(e, effect)).resolves.toEqual({ duplicate: false, result: 1 });
    expect(effect).toHaveBeenCalledTimes(1);
  });

  it('applies distinct events independently', async () => {
    const { dataSource } = fakeDataSource();
    const inbox = new InboxService(dataSource);
    const effect = jest.fn(async () => undefined);
    await inbox.once(event(), effect);
    await inbox.once(event(), effect);
    expect(effect).toHaveBeenCalledTimes(2);
  });
});
