import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Envelope, EventSchema, Topic } from '@rendezvous/contracts';
import { ENVELOPE_SCHEMA, EVENT_SCHEMAS } from '@rendezvous/contracts';
import { PoisonMessageError } from './kafka-errors';

/** Validates raw Kafka values against the envelope schema and the topic's published data schema. */
export class EnvelopeValidator {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: false });
  private readonly envelope: ValidateFunction;
  private readonly data = new Map<string, { schemaVersion: number; validate: ValidateFunction }>();

  constructor(schemas: Partial<Record<Topic | string, EventSchema>> = EVENT_SCHEMAS) {
    addFormats(this.ajv);
    this.envelope = this.ajv.compile(ENVELOPE_SCHEMA);
    for (const [topic, schema] of Object.entries(schemas)) {
      if (schema) {
        this.data.set(topic, {
          schemaVersion: schema.schemaVersion,
          validate: this.ajv.compile(schema.data),
        });
      }
    }
  }

  parse(topic: string, value: Buffer | null): Envelope {
    if (!value || value.length === 0) throw new PoisonMessageError('empty message');
    let parsed: unknown;
    try {
      parsed = JSON.parse(value.toString('utf8'));
    } catch {
      throw new PoisonMessageError('message is not valid JSON');
    }
    if (!this.envelope(parsed)) {
      throw new PoisonMessageError(
        `invalid envelope: ${this.ajv.errorsText(this.envelope.errors)}`,
      );
    }
    const envelope = parsed as Envelope;
    if (envelope.type !== topic) {
      throw new PoisonMessageError(`envelope type ${envelope.type} does not match topic ${topic}`);
    }
    const data = this.data.get(topic);
    if (data) {
      if (envelope.schemaVersion !== data.schemaVersion) {
        throw new PoisonMessageError(
          `schemaVersion ${envelope.schemaVersion} is not ${data.schemaVersion} on ${topic}`,
        );
      }
      if (!data.validate(envelope.data)) {
        throw new PoisonMessageError(`invalid data: ${this.ajv.errorsText(data.validate.errors)}`);
      }
    }
    return envelope;
  }
}
