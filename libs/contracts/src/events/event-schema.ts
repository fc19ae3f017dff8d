import { MODERATION_EVENT_SCHEMAS } from '../moderation/moderation-events';
import { EVENT_SERVICE_SCHEMAS } from '../event-service/event-messages';
import { MATCH_EVENT_SCHEMAS } from '../matching/match-events';
import { QUEUE_EVENT_SCHEMAS } from '../matching/queue-events';
import { PLAN_EVENT_SCHEMAS } from '../plans/plan-events';
import { PROXIMITY_EVENT_SCHEMAS } from '../proximity/proximity-events';
import { VENUE_EVENT_SCHEMAS } from '../reco/venue-events';
import { CONNECTION_EVENT_SCHEMAS } from '../users/connection-events';
import { ACCOUNT_STATUS_EVENT_SCHEMAS } from '../users/account-status';
import { USER_EVENT_SCHEMAS } from '../users/user-events';
import type { Topic } from './topics';

/** A JSON Schema (draft 2020-12 subset understood by ajv) for one event's `data`. */
export type JsonSchema = Readonly<Record<string, unknown>>;

export interface EventSchema {
  schemaVersion: number;
  data: JsonSchema;
}

/**
 * The published schema of each event's `data`, keyed by topic. Consumers validate incoming
 * envelopes against it; the AsyncAPI document is generated from it. Each feature registers
 * its events here as it is built.
 */
export const EVENT_SCHEMAS: Partial<Record<Topic, EventSchema>> = {
  ...USER_EVENT_SCHEMAS,
  ...ACCOUNT_STATUS_EVENT_SCHEMAS,
  ...MODERATION_EVENT_SCHEMAS,
  ...CONNECTION_EVENT_SCHEMAS,
  ...MATCH_EVENT_SCHEMAS,
  ...QUEUE_EVENT_SCHEMAS,
  ...EVENT_SERVICE_SCHEMAS,
  ...PROXIMITY_EVENT_SCHEMAS,
  ...VENUE_EVENT_SCHEMAS,
  ...PLAN_EVENT_SCHEMAS,
};
