import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ServiceName } from '@rendezvous/contracts';
import { databaseName } from '@rendezvous/contracts';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { DataSource } from 'typeorm';
import { BootPhase } from '../bootstrap/boot-phase';
import { PlatformConfig } from '../config/platform.config';
import { AccountStatusTable1765200000000 } from './account-status.migration';
import { PlatformTables1764100000000 } from './platform-tables.migration';
import { StatTallies1765600000000 } from '../stats/stat-tallies.migration';
import { ensureDatabase, postgresClientConfig } from './postgres-settings';

export interface DatabaseOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: Function[];
}

export const DATABASE_NAME = Symbol('DATABASE_NAME');

export function resolveDatabaseName(config: PlatformConfig, service: ServiceName): string {
  return config.POSTGRES_DB || databaseName(service);
}

const MIGRATION_LOCK = 'rendezvous:migrations';

/** Replicas starting together take turns, so each migration runs exactly once. */
async function runMigrationsExclusively(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK]);
    await runner.release();
  }
}

/** Creates the database when missing, connects and migrates; a failure leaves nothing open. */
async function openDatabase(
  config: PlatformConfig,
  options: DataSourceOptions & { database: string },
): Promise<DataSource> {
  await ensureDatabase(config, options.database);
  const dataSource = new DataSource(options);
  try {
    await dataSource.initialize();
    await runMigrationsExclusively(dataSource);
    return dataSource;
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    throw error;
  }
}

// TypeORM hands `dataSourceFactory` only the options: what opens them is found through them.
const openers = new WeakMap<object, () => Promise<DataSource>>();

/**
 * TypeORM on the service's own database, created if missing, migrations run on start; the boot
 * waits for it, retrying (`BootPhase.connect`) while the server refuses or is away.
 */
@Module({})
export class DatabaseModule {
  static forRoot(service: ServiceName, options: DatabaseOptions = {}): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [PlatformConfig, BootPhase],
          useFactory: (config: PlatformConfig, boot: BootPhase) => {
            const database = resolveDatabaseName(config, service);
            const pg = postgresClientConfig(config, database);
            const dataSourceOptions = {
              type: 'postgres' as const,
              host: pg.host,
              port: pg.port,
              username: pg.user,
              password: typeof pg.password === 'string' ? pg.password : undefined,
              database,
              entities: options.entities ?? [],
              migrations: [
                PlatformTables1764100000000,
                AccountStatusTable1765200000000,
                StatTallies1765600000000,
                ...(options.migrations ?? []),
              ],
              migrationsRun: false,
              migrationsTransactionMode: 'each' as const,
              synchronize: false,
              // Straight to node-postgres's pool: TypeORM's own `ssl` type lacks verify-ca's hook.
              extra: {
                max: config.POSTGRES_POOL_SIZE,
                connectionTimeoutMillis: 5_000,
                ssl: pg.ssl,
              },
              // The boot phase retries; TypeORM's own retries would only end in a crash.
              toRetry: () => false,
            };
            openers.set(dataSourceOptions, () =>
              boot.connect('database', () => openDatabase(config, dataSourceOptions)),
            );
            return dataSourceOptions;
          },
          dataSourceFactory: async (dataSourceOptions) => {
            const open = dataSourceOptions && openers.get(dataSourceOptions);
            if (!open) throw new Error('TypeORM options missing');
            return open();
          },
        }),
      ],
      providers: [
        {
          provide: DATABASE_NAME,
          inject: [PlatformConfig],
          useFactory: (config: PlatformConfig) => resolveDatabaseName(config, service),
        },
      ],
      exports: [DATABASE_NAME],
    };
  }
}
