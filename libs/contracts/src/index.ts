export * from './services';
export * from './events/envelope';
export * from './events/event-schema';
export * from './events/topics';
export * from './errors/error-codes';
export * from './errors/problem';
export * from './users/connection-events';
