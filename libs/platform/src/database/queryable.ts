import type { EntityManager } from 'typeorm';

/** Anything that runs SQL: a DataSource, an EntityManager or a transaction's manager. */
export type Queryable = Pick<EntityManager, 'query'>;
