import type { OutboxRow } from './outbox-batch';
import { toTopicMessages } from './outbox-batch';

const row = (seq: number, topic: string, key: string): OutboxRow => ({
  seq: String(seq),
  topic,
  key,
  value: `v${seq}`,
  headers: {},
});

describe(toTopicMessages.name, () => {
  it('keeps commit order within each topic, so each key sees its events in order', () => {
    const rows = [
      row(1, 'user.updated', 'u1'),
      row(2, 'match.created', 'm1'),
      row(3, 'user.updated', 'u2'),
      row(4, 'user.updated', 'u1'),
      row(5, 'match.created', 'm1'),
    ];
    const batches = toTopicMessages(rows);
    expect(batches.map((b) => b.topic)).toEqual(['user.updated', 'match.created']);
    expect(batches[0].messages.map((m) => m.value)).toEqual(['v1', 'v3', 'v4']);
    expect(batches[1].messages.map((m) => m.value)).toEqual(['v2', 'v5']);
    expect(batches[0].messages.filter((m) => m.key === 'u1').map((m) => m.value)).toEqual([
      'v1',
      'v4',
    ]);
  });

  it('sends every event as JSON, keeping the headers its outbox row holds', () => {
    const [batch] = toTopicMessages([
      { ...row(1, 'user.updated', 'u1'), headers: { 'event-type': 'user.updated' } },
    ]);
    expect(batch.messages[0].headers).toEqual({
      'event-type': 'user.updated',
      'content-type': 'application/json',
    });
  });

  it('produces nothing for an empty outbox', () => {
    expect(toTopicMessages([])).toEqual([]);
  });
});
