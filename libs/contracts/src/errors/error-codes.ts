/**
 * Namespaced error codes (`<NAMESPACE>.<REASON>`). They cross process hops as strings, so
 * the HTTP status of each is decided in one place: the platform's problem-details filter.
 */
export const COMMON_ERRORS = {
  VALIDATION_FAILED: 'COMMON.VALIDATION_FAILED',
  /** Text written for others to read contains objectionable words (API.md, Safety). */
  OBJECTIONABLE_TEXT: 'COMMON.OBJECTIONABLE_TEXT',
  MALFORMED_JSON: 'COMMON.MALFORMED_JSON',
  UNSUPPORTED_MEDIA_TYPE: 'COMMON.UNSUPPORTED_MEDIA_TYPE',
  PAYLOAD_TOO_LARGE: 'COMMON.PAYLOAD_TOO_LARGE',
  URI_TOO_LONG: 'COMMON.URI_TOO_LONG',
  HEADERS_TOO_LARGE: 'COMMON.HEADERS_TOO_LARGE',
  REQUEST_TIMEOUT: 'COMMON.REQUEST_TIMEOUT',
  EXPECTATION_FAILED: 'COMMON.EXPECTATION_FAILED',
  UNAUTHORIZED: 'COMMON.UNAUTHORIZED',
  FORBIDDEN: 'COMMON.FORBIDDEN',
  NOT_FOUND: 'COMMON.NOT_FOUND',
  ROUTE_NOT_FOUND: 'COMMON.ROUTE_NOT_FOUND',
  METHOD_NOT_ALLOWED: 'COMMON.METHOD_NOT_ALLOWED',
  CONFLICT: 'COMMON.CONFLICT',
  RATE_LIMITED: 'COMMON.RATE_LIMITED',
  DEPENDENCY_UNAVAILABLE: 'COMMON.DEPENDENCY_UNAVAILABLE',
  SERVICE_UNAVAILABLE: 'COMMON.SERVICE_UNAVAILABLE',
  TIMEOUT: 'COMMON.TIMEOUT',
  INTERNAL: 'COMMON.INTERNAL',
} as const;

export type CommonErrorCode = (typeof COMMON_ERRORS)[keyof typeof COMMON_ERRORS];

export const AUTH_ERRORS = {
  EMAIL_TAKEN: 'AUTH.EMAIL_TAKEN',
  INVALID_CREDENTIALS: 'AUTH.INVALID_CREDENTIALS',
  INVALID_REFRESH_TOKEN: 'AUTH.INVALID_REFRESH_TOKEN',
  REFRESH_TOKEN_REUSED: 'AUTH.REFRESH_TOKEN_REUSED',
  TOO_MANY_FAILED_LOGINS: 'AUTH.TOO_MANY_FAILED_LOGINS',
  /** Suspended or banned: `403` at login, refresh and the socket handshake, `401` for a token. */
  ACCOUNT_SUSPENDED: 'AUTH.ACCOUNT_SUSPENDED',
  /** The token claims a role the person no longer has. */
  ROLE_CHANGED: 'AUTH.ROLE_CHANGED',
} as const;

export type AuthErrorCode = (typeof AUTH_ERRORS)[keyof typeof AUTH_ERRORS];

export const USER_ERRORS = {
  USER_NOT_FOUND: 'USERS.USER_NOT_FOUND',
  TIMESLOT_NOT_FOUND: 'USERS.TIMESLOT_NOT_FOUND',
  TIMESLOT_OVERLAP: 'USERS.TIMESLOT_OVERLAP',
  CONNECTION_NOT_FOUND: 'USERS.CONNECTION_NOT_FOUND',
  CONNECTION_EXISTS: 'USERS.CONNECTION_EXISTS',
  ALREADY_BLOCKED: 'USERS.ALREADY_BLOCKED',
  BLOCK_NOT_FOUND: 'USERS.BLOCK_NOT_FOUND',
  EXPORT_NOT_FOUND: 'USERS.EXPORT_NOT_FOUND',
  /** The person already has an export being assembled. */
  EXPORT_PENDING: 'USERS.EXPORT_PENDING',
} as const;

export type UserErrorCode = (typeof USER_ERRORS)[keyof typeof USER_ERRORS];

export const MODERATION_ERRORS = {
  REPORT_NOT_FOUND: 'MODERATION.REPORT_NOT_FOUND',
  /** The reporter already has an open report on this person. */
  REPORT_ALREADY_OPEN: 'MODERATION.REPORT_ALREADY_OPEN',
  REPORT_ALREADY_DECIDED: 'MODERATION.REPORT_ALREADY_DECIDED',
  REPORT_LIMIT: 'MODERATION.REPORT_LIMIT',
  /** The account is not in a state the action applies to (already banned, already active). */
  ACCOUNT_STATE_CONFLICT: 'MODERATION.ACCOUNT_STATE_CONFLICT',
  /** The same role again, one's own role, or an `ADMIN_EMAILS` account. */
  ROLE_CONFLICT: 'MODERATION.ROLE_CONFLICT',
} as const;

export type ModerationErrorCode = (typeof MODERATION_ERRORS)[keyof typeof MODERATION_ERRORS];

export const GATEWAY_ERRORS = {
  UPSTREAM_UNAVAILABLE: 'GATEWAY.UPSTREAM_UNAVAILABLE',
  UPSTREAM_TIMEOUT: 'GATEWAY.UPSTREAM_TIMEOUT',
  TOKEN_REVOKED: 'GATEWAY.TOKEN_REVOKED',
} as const;

export type GatewayErrorCode = (typeof GATEWAY_ERRORS)[keyof typeof GATEWAY_ERRORS];

export const MATCHING_ERRORS = {
  USER_NOT_FOUND: 'MATCHING.USER_NOT_FOUND',
  ALREADY_SWIPED: 'MATCHING.ALREADY_SWIPED',
  SUPER_LIKE_LIMIT: 'MATCHING.SUPER_LIKE_LIMIT',
  MATCH_NOT_FOUND: 'MATCHING.MATCH_NOT_FOUND',
  EVENT_NOT_FOUND: 'MATCHING.EVENT_NOT_FOUND',
  NOT_AN_ATTENDEE: 'MATCHING.NOT_AN_ATTENDEE',
  TICKET_NOT_FOUND: 'MATCHING.TICKET_NOT_FOUND',
  TICKET_CONFLICT: 'MATCHING.TICKET_CONFLICT',
  QUEUE_MATCH_NOT_FOUND: 'MATCHING.QUEUE_MATCH_NOT_FOUND',
  MODEL_NOT_FOUND: 'MATCHING.MODEL_NOT_FOUND',
  /** A learned ranking model that is not trained, or does not beat the rule-based score by the margin. */
  MODEL_NOT_ELIGIBLE: 'MATCHING.MODEL_NOT_ELIGIBLE',
} as const;

export type MatchingErrorCode = (typeof MATCHING_ERRORS)[keyof typeof MATCHING_ERRORS];

export const EVENT_ERRORS = {
  EVENT_NOT_FOUND: 'EVENTS.EVENT_NOT_FOUND',
  NOT_ORGANIZER: 'EVENTS.NOT_ORGANIZER',
  NOT_ATTENDEE: 'EVENTS.NOT_ATTENDEE',
  EVENT_CANCELLED: 'EVENTS.EVENT_CANCELLED',
  EVENT_STARTED: 'EVENTS.EVENT_STARTED',
  ORGANIZER_CANNOT_REGISTER: 'EVENTS.ORGANIZER_CANNOT_REGISTER',
  ALREADY_REGISTERED: 'EVENTS.ALREADY_REGISTERED',
  REGISTRATION_NOT_FOUND: 'EVENTS.REGISTRATION_NOT_FOUND',
  CAPACITY_BELOW_REGISTERED: 'EVENTS.CAPACITY_BELOW_REGISTERED',
} as const;

export type EventErrorCode = (typeof EVENT_ERRORS)[keyof typeof EVENT_ERRORS];
export const PROXIMITY_ERRORS = {
  NOT_YOUR_SESSION: 'PROXIMITY.NOT_YOUR_SESSION',
  TOKEN_IN_USE: 'PROXIMITY.TOKEN_IN_USE',
} as const;

export type ProximityErrorCode = (typeof PROXIMITY_ERRORS)[keyof typeof PROXIMITY_ERRORS];
export const RECO_ERRORS = {
  VENUE_NOT_FOUND: 'RECO.VENUE_NOT_FOUND',
  USER_NOT_FOUND: 'RECO.USER_NOT_FOUND',
  /** A recommendation that needs someone's home location, and they have none. */
  LOCATION_MISSING: 'RECO.LOCATION_MISSING',
} as const;

export type RecoErrorCode = (typeof RECO_ERRORS)[keyof typeof RECO_ERRORS];

export const BOOKING_ERRORS = {
  PLAN_NOT_FOUND: 'BOOKING.PLAN_NOT_FOUND',
  VENUE_NOT_FOUND: 'BOOKING.VENUE_NOT_FOUND',
  USER_NOT_FOUND: 'BOOKING.USER_NOT_FOUND',
  NOT_ORGANIZER: 'BOOKING.NOT_ORGANIZER',
  NOT_INVITEE: 'BOOKING.NOT_INVITEE',
  PLAN_CANCELLED: 'BOOKING.PLAN_CANCELLED',
  /** The plan has started: it can no longer be answered or confirmed. */
  PLAN_STARTED: 'BOOKING.PLAN_STARTED',
  /** The coffee-meeting rule: a two-person plan must lie inside one of the invitee's free slots. */
  OUTSIDE_FREE_TIMESLOT: 'BOOKING.OUTSIDE_FREE_TIMESLOT',
} as const;

export type BookingErrorCode = (typeof BOOKING_ERRORS)[keyof typeof BOOKING_ERRORS];

/** Every error code in the system; features add their namespaces to this union. */
export type ErrorCode =
  | CommonErrorCode
  | AuthErrorCode
  | UserErrorCode
  | ModerationErrorCode
  | GatewayErrorCode
  | MatchingErrorCode
  | EventErrorCode
  | ProximityErrorCode
  | RecoErrorCode
  | BookingErrorCode;

export const PROBLEM_TYPE_PREFIX = 'urn:rendezvous:problem:';

export function problemType(code: string): string {
  return `${PROBLEM_TYPE_PREFIX}${code}`;
}
