import { randomUUID } from 'node:crypto';
import type { Envelope } from '@rendezvous/contracts';
import { EnvelopeValidator } from './envelope-validator';
import { PoisonMessageError } from './kafka-errors';

const TOPIC = 'thing.happened';

function envelope(overrides: Partial<Envelope> = {}): Envelope {
  return {
    id: randomUUID(),
    type: TOPIC,
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    source: 'user',
    aggregateId: randomUUID(),
    aggregateVersion: 1,
    correlationId: 'f'.repeat(32),
    data: { count: 2 },
    ...overrides,
  };
}

const validator = new EnvelopeValidator({
  [TOPIC]: {
    schemaVersion: 1,
    data: { type: 'object', required: ['count'], properties: { count: { type: 'integer' } } },
  },
});

const encode = (value: unknown) => Buffer.from(JSON.stringify(value));

describe(EnvelopeValidator.name, () => {
  it('accepts a well-formed envelope and returns it parsed', () => {
    const event = envelope();
    expect(validator.parse(TOPIC, encode(event))).toEqual(event);
  });

  it.each([
    ['an empty message', null],
    ['bytes that are not JSON', Buffer.from('{not json')],
    ['a missing id', encode({ ...envelope(), id: undefined })],
    ['an id that is not a UUID', encode(envelope({ id: '42' }))],
    ['an unknown envelope field', encode({ ...envelope(), extra: true })],
    ['a type that is not the topic', encode(envelope({ type: 'other.topic' }))],
    ['data that breaks the published schema', encode(envelope({ data: { count: 'two' } }))],
    ['an unexpected schema version', encode(envelope({ schemaVersion: 2 }))],
  ])('rejects %s as poison', (_case, value) => {
    expect(() => validator.parse(TOPIC, value)).toThrow(PoisonMessageError);
  });

  it('checks only the envelope on topics without a registered data schema', () => {
    const event = envelope({ type: 'other.topic', data: { anything: true } });
    expect(validator.parse('other.topic', encode(event))).toEqual(event);
  });
});
