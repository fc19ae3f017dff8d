// The contracts' value lists and bounds without their schemas: what a browser application (the
// admin portal) needs, importable without bundling the event schemas.
export * from './event-service/event-values';
export * from './moderation/moderation-values';
export * from './operations/dead-letter-values';
export * from './reco/venue-values';
export * from './users/account-status-values';
export * from './users/roles';
