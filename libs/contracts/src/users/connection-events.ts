import type { Static } from '../events/schema-builder';
import { Closed, defineEvent, OneOf, Type, Uuid } from '../events/schema-builder';

export const CONNECTION_TYPES = ['request', 'match'] as const;
export type ConnectionType = (typeof CONNECTION_TYPES)[number];
export const CONNECTION_STATUSES = ['pending', 'accepted'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/**
 * `connection.requested`, `connection.accepted` and `connection.removed`: the state of one
 * connection between two people after the change. The aggregate (and message key) is the
 * connection id; `recipientIds` names the person to notify (`toUserId`) for requested/accepted.
 * `fromUserId` acted (requester, accepter or remover); `status` is `accepted` once accepted or
 * matched; `types` is empty after removal; `strength` is 0.5 for an accepted request, 0.8 for a
 * mutual match, the higher when both, 0 when pending or removed.
 */
export const CONNECTION_CHANGED = defineEvent(
  1,
  Closed({
    connectionId: Uuid(),
    fromUserId: Uuid(),
    toUserId: Uuid(),
    status: OneOf(CONNECTION_STATUSES),
    types: Type.Array(OneOf(CONNECTION_TYPES), { uniqueItems: true }),
    strength: Type.Number({ minimum: 0, maximum: 1 }),
  }),
);
export type ConnectionEventData = Static<typeof CONNECTION_CHANGED.data>;
