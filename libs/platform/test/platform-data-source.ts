import { testInfra } from '@rendezvous/testing';
import { AccountStatusTable1765200000000, PlatformTables1764100000000 } from '../src';
import { DataSource } from 'typeorm';

/** A TypeORM DataSource on a test database with the platform's tables migrated in. */
export async function platformDataSource(database: string): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    host: testInfra.postgres.host,
    port: testInfra.postgres.port,
    username: testInfra.postgres.user,
    password: testInfra.postgres.password,
    database,
    migrations: [PlatformTables1764100000000, AccountStatusTable1765200000000],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
