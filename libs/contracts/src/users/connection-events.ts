import type { EventSchema } from '../events/event-schema';

export type ConnectionType = 'request' | 'match';
export type ConnectionStatus = 'pending' | 'accepted';

/**
 * `connection.requested`, `connection.accepted` and `connection.removed`: the state of one
 * connection between two people after the change. The aggregate (and message key) is the
 * connection id; `recipientIds` names the person to notify (`toUserId`) for requested/accepted.
 */
export interface ConnectionEventData {
  connectionId: string;
  /** Who acted: the requester, the accepter, or the person who removed it. */
  fromUserId: string;
  /** The other person. */
  toUserId: string;
  /** `accepted` once accepted or matched; `pending` while a request waits. */
  status: ConnectionStatus;
  /** How the two are connected; empty after removal. */
  types: ConnectionType[];
  /** 0.5 for an accepted request, 0.8 for a mutual match, the higher when both; 0 when pending or removed. */
  strength: number;
}

const UUID = { type: 'string', format: 'uuid' } as const;

const CONNECTION_DATA: EventSchema = {
  schemaVersion: 1,
  data: {
    type: 'object',
    additionalProperties: false,
    required: ['connectionId', 'fromUserId', 'toUserId', 'status', 'types', 'strength'],
    properties: {
      connectionId: UUID,
      fromUserId: UUID,
      toUserId: UUID,
      status: { enum: ['pending', 'accepted'] },
      types: { type: 'array', items: { enum: ['request', 'match'] }, uniqueItems: true },
      strength: { type: 'number', minimum: 0, maximum: 1 },
    },
  },
};

export const CONNECTION_EVENT_SCHEMAS = {
  'connection.requested': CONNECTION_DATA,
  'connection.accepted': CONNECTION_DATA,
  'connection.removed': CONNECTION_DATA,
} as const;
