import { randomUUID } from 'node:crypto';
import { asyncApiDocument } from '@rendezvous/asyncapi';
import { EVENT_HEADERS, TOPICS, dlqTopic } from '@rendezvous/contracts';
import { asyncApiMessageValidator } from './asyncapi-validator';
import { anEnvelope } from './event-builders';

const validate = asyncApiMessageValidator(asyncApiDocument());

const TRACEPARENT = `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`;

function userDeleted(dataOverrides: Record<string, unknown> = {}) {
  const envelope = anEnvelope(TOPICS.USER_DELETED, {
    userId: randomUUID(),
    deletedAt: new Date().toISOString(),
    ...dataOverrides,
  });
  return {
    key: Buffer.from(envelope.aggregateId),
    value: Buffer.from(JSON.stringify(envelope)),
    headers: {
      [EVENT_HEADERS.TRACEPARENT]: Buffer.from(TRACEPARENT),
      [EVENT_HEADERS.EVENT_TYPE]: Buffer.from(TOPICS.USER_DELETED),
      [EVENT_HEADERS.CONTENT_TYPE]: 'application/json',
    },
  };
}

describe(asyncApiMessageValidator.name, () => {
  it('passes a message as the suite publishes it', () => {
    expect(validate(TOPICS.USER_DELETED, userDeleted())).toEqual([]);
  });

  it('names a data field of the wrong type', () => {
    expect(validate(TOPICS.USER_DELETED, userDeleted({ deletedAt: 17 }))).toEqual([
      'value/data/deletedAt must be string',
    ]);
  });

  it('names a data field the closed schema does not declare', () => {
    expect(validate(TOPICS.USER_DELETED, userDeleted({ reason: 'spam' }))).toEqual([
      'value/data must NOT have additional properties: reason',
    ]);
  });

  it('names a missing required header and a header of the wrong value', () => {
    const message = userDeleted();
    delete (message.headers as Record<string, unknown>)[EVENT_HEADERS.TRACEPARENT];
    message.headers[EVENT_HEADERS.EVENT_TYPE] = Buffer.from(TOPICS.USER_UPDATED);
    expect(validate(TOPICS.USER_DELETED, message)).toEqual([
      "headers must have required property 'traceparent'",
      `headers/event-type must be equal to constant: "${TOPICS.USER_DELETED}"`,
    ]);
  });

  it('checks the key against the Kafka binding', () => {
    expect(validate(TOPICS.USER_DELETED, { ...userDeleted(), key: Buffer.from('7') })).toEqual([
      'key must match format "uuid"',
    ]);
  });

  it('refuses a value that is not JSON and a topic the document does not know', () => {
    expect(validate(TOPICS.USER_DELETED, { ...userDeleted(), value: Buffer.from('{') })).toEqual([
      'value is not JSON',
    ]);
    expect(validate('it.made-up', userDeleted())).toEqual([
      'topic it.made-up is not a channel of the AsyncAPI document',
    ]);
  });

  it('checks only the dlq-* headers of a dead letter, whose value is the bytes given up on', () => {
    const poison = { key: Buffer.from('x'), value: Buffer.from('not json'), headers: {} };
    const parked = {
      ...poison,
      headers: {
        [EVENT_HEADERS.DLQ_ERROR]: 'PoisonMessageError: message is not valid JSON',
        [EVENT_HEADERS.DLQ_SOURCE_TOPIC]: TOPICS.USER_DELETED,
        [EVENT_HEADERS.DLQ_SOURCE_PARTITION]: '0',
        [EVENT_HEADERS.DLQ_SOURCE_OFFSET]: '12',
        [EVENT_HEADERS.DLQ_CONSUMER_GROUP]: 'matching',
      },
    };
    expect(validate(dlqTopic(TOPICS.USER_DELETED), parked)).toEqual([]);
    expect(validate(dlqTopic(TOPICS.USER_DELETED), poison)).toEqual([
      "headers must have required property 'dlq-error'",
      "headers must have required property 'dlq-source-topic'",
      "headers must have required property 'dlq-source-partition'",
      "headers must have required property 'dlq-source-offset'",
      "headers must have required property 'dlq-consumer-group'",
    ]);
  });
});
