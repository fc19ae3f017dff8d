import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { EventSchema, Topic } from '@rendezvous/contracts';
import { ENVELOPE_SCHEMA, EVENT_SCHEMAS } from '@rendezvous/contracts';

interface DataCheck {
  schemaVersion: number;
  validate: ValidateFunction;
}

/**
 * The published schemas (the envelope and each topic's `data`), compiled once. Producers and
 * consumers check against the same compiled functions, so what one accepts the other does.
 */
export class PublishedSchemas {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: false });
  private readonly envelope: ValidateFunction;
  private readonly data = new Map<string, DataCheck>();

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

  /** Why a parsed value is not a valid envelope for `topic` (`null` when it is one). */
  problem(topic: string, value: unknown): string | null {
    if (!this.envelope(value)) {
      return `invalid envelope: ${this.ajv.errorsText(this.envelope.errors)}`;
    }
    const envelope = value as { type: string; schemaVersion: number; data: unknown };
    if (envelope.type !== topic)
      return `envelope type ${envelope.type} does not match topic ${topic}`;
    const data = this.data.get(topic);
    if (!data) return null;
    if (envelope.schemaVersion !== data.schemaVersion) {
      return `schemaVersion ${envelope.schemaVersion} is not ${data.schemaVersion} on ${topic}`;
    }
    return data.validate(envelope.data)
      ? null
      : `invalid data: ${this.ajv.errorsText(data.validate.errors)}`;
  }
}

let published: PublishedSchemas | undefined;

/** The schemas in `contracts`, compiled on first use and shared by the whole process. */
export function publishedSchemas(): PublishedSchemas {
  published ??= new PublishedSchemas();
  return published;
}
