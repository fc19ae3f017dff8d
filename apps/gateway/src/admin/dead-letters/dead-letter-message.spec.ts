import { EVENT_HEADERS } from '@rendezvous/contracts';
import type { KafkaMessage } from 'kafkajs';
import { deadLetterId } from './dead-letter-id';
import { deadLetterRecord, replayHeaders } from './dead-letter-message';

const UUID = /^[\da-f]{8}-[\da-f]{4}-5[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/;

function dlqMessage(value: string | null, headers: Record<string, string>): KafkaMessage {
  return {
    key: Buffer.from('3f1c1f4e-0000-4000-8000-000000000001'),
    value: value === null ? null : Buffer.from(value),
    timestamp: String(Date.parse('2026-12-04T10:00:00.123Z')),
    attributes: 0,
    offset: '42',
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)])),
  };
}

describe('deadLetterId', () => {
  it('is a UUID that stays the same for the same place in a DLQ, and differs elsewhere', () => {
    const id = deadLetterId('user.blocked.dlq', 0, '42');
    expect(id).toMatch(UUID);
    expect(deadLetterId('user.blocked.dlq', 0, '42')).toBe(id);
    expect(deadLetterId('user.blocked.dlq', 0, '43')).not.toBe(id);
    expect(deadLetterId('user.created.dlq', 0, '42')).not.toBe(id);
  });
});

describe('deadLetterRecord', () => {
  const headers = {
    [EVENT_HEADERS.EVENT_TYPE]: 'user.blocked',
    [EVENT_HEADERS.TRACEPARENT]: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    [EVENT_HEADERS.DLQ_ERROR]: 'PoisonMessageError: invalid data',
    [EVENT_HEADERS.DLQ_SOURCE_TOPIC]: 'user.blocked',
    [EVENT_HEADERS.DLQ_SOURCE_PARTITION]: '3',
    [EVENT_HEADERS.DLQ_SOURCE_OFFSET]: '17',
    [EVENT_HEADERS.DLQ_CONSUMER_GROUP]: 'proximity',
  };

  it('reads who gave up and why from the dlq headers, and the event from the envelope', () => {
    const record = deadLetterRecord(
      'user.blocked.dlq',
      0,
      dlqMessage('{"id":"e-1","type":"user.blocked","data":{}}', headers),
    );
    expect(record).toMatchObject({
      id: deadLetterId('user.blocked.dlq', 0, '42'),
      topic: 'user.blocked.dlq',
      originalTopic: 'user.blocked',
      consumerGroup: 'proximity',
      error: 'PoisonMessageError: invalid data',
      failedAt: '2026-12-04T10:00:00.123Z',
      key: '3f1c1f4e-0000-4000-8000-000000000001',
      eventId: 'e-1',
      eventType: 'user.blocked',
    });
  });

  it('takes a value that is no envelope as it is', () => {
    const record = deadLetterRecord('user.blocked.dlq', 0, dlqMessage('[1,2]', {}));
    expect(record).toMatchObject({
      originalTopic: 'user.blocked',
      consumerGroup: null,
      error: null,
      eventId: null,
      eventType: null,
      value: '[1,2]',
    });
  });

  it('replays with the original headers only, plus dlq-replayed-from', () => {
    const record = deadLetterRecord('user.blocked.dlq', 0, dlqMessage('{}', headers));
    expect(replayHeaders(record)).toEqual({
      [EVENT_HEADERS.EVENT_TYPE]: 'user.blocked',
      [EVENT_HEADERS.TRACEPARENT]: headers[EVENT_HEADERS.TRACEPARENT],
      [EVENT_HEADERS.DLQ_REPLAYED_FROM]: record.id,
    });
  });
});
