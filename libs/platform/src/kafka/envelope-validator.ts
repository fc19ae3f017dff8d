import type { AnyEnvelope, EventSchema, Topic } from '@rendezvous/contracts';
import { EVENT_SCHEMAS } from '@rendezvous/contracts';
import { PoisonMessageError } from './kafka-errors';
import { PublishedSchemas, publishedSchemas } from './published-schemas';

/** Validates raw Kafka values against the envelope schema and the topic's published data schema. */
export class EnvelopeValidator {
  private readonly schemas: PublishedSchemas;

  constructor(schemas: Partial<Record<Topic | string, EventSchema>> = EVENT_SCHEMAS) {
    this.schemas = schemas === EVENT_SCHEMAS ? publishedSchemas() : new PublishedSchemas(schemas);
  }

  /** The envelope, valid against its topic's published schema, so typed by its `type`. */
  parse(topic: string, value: Buffer | null): AnyEnvelope {
    if (!value || value.length === 0) throw new PoisonMessageError('empty message');
    let parsed: unknown;
    try {
      parsed = JSON.parse(value.toString('utf8'));
    } catch {
      throw new PoisonMessageError('message is not valid JSON');
    }
    const problem = this.schemas.problem(topic, parsed);
    if (problem) throw new PoisonMessageError(problem);
    return parsed as AnyEnvelope;
  }
}
