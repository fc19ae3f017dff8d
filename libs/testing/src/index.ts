export * from './infrastructure';
export * from './kafka-collector';
export * from './platform-database';
export * from './wait-for';
