export * from './infrastructure';
export * from './kafka-collector';
export * from './wait-for';
export * from './domain-error-code';
export * from './event-builders';
export * from './ics';
export * from './service-app';
export * from './http-harness';
