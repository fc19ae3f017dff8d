import type { EventSchema } from '../events/event-schema';

/**
 * `match.created`: two people liked each other. Aggregate (and key) = the match id;
 * `recipientIds` = both people. Minimal for now; the matching service extends it additively.
 */
export interface MatchCreatedData {
  matchId: string;
  userIds: [string, string];
  /** 0..1 */
  score: number;
  sharedInterests: string[];
}

const UUID = { type: 'string', format: 'uuid' } as const;

export const MATCH_EVENT_SCHEMAS = {
  'match.created': {
    schemaVersion: 1,
    data: {
      type: 'object',
      required: ['matchId', 'userIds', 'score', 'sharedInterests'],
      properties: {
        matchId: UUID,
        userIds: { type: 'array', items: UUID, minItems: 2, maxItems: 2 },
        score: { type: 'number', minimum: 0, maximum: 1 },
        sharedInterests: { type: 'array', items: { type: 'string' } },
      },
    },
  } satisfies EventSchema,
} as const;
