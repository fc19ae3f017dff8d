import { DomainError, COMMON_ERRORS } from '@rendezvous/contracts';
import MaxRetriesPerRequestError from 'ioredis/built/errors/MaxRetriesPerRequestError';
import {
  KafkaJSConnectionError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
} from 'kafkajs';
import { Client, DatabaseError } from 'pg';
import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
  TypeORMError,
} from 'typeorm';
import { PoisonMessageError } from '../kafka/kafka-errors';
import { isTransientInfrastructureError } from './transient-errors';

/** As pg's protocol parser builds a server error: the SQLSTATE arrives as a field after construction. */
function serverError(code: string, message: string): DatabaseError {
  return Object.assign(new DatabaseError(message, message.length, 'error'), {
    code,
    severity: 'FATAL',
  });
}

/** As TypeORM wraps a failed query: the driver's error as `driverError`, its fields copied. */
const failedQuery = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

async function refusedConnection(host: string): Promise<unknown> {
  return new Client({ host, port: 1, connectionTimeoutMillis: 2_000 }).connect().then(
    () => new Error('connected to port 1'),
    (error: unknown) => error,
  );
}

describe(isTransientInfrastructureError.name, () => {
  it.each([
    ['57P01 admin_shutdown', '57P01', 'terminating connection due to administrator command'],
    ['57P02 crash_shutdown', '57P02', 'terminating connection due to crash of another process'],
    ['57P03 cannot_connect_now', '57P03', 'the database system is starting up'],
    ['08006 connection_failure', '08006', 'connection failure'],
    ['08003 connection_does_not_exist', '08003', 'connection does not exist'],
    ['53300 too_many_connections', '53300', 'sorry, too many clients already'],
    ['40P01 deadlock_detected', '40P01', 'deadlock detected'],
    ['40001 serialization_failure', '40001', 'could not serialize access'],
  ])('waits out PostgreSQL %s, raw or inside a QueryFailedError', (_name, code, message) => {
    expect(isTransientInfrastructureError(serverError(code, message))).toBe(true);
    expect(isTransientInfrastructureError(failedQuery(serverError(code, message)))).toBe(true);
  });

  it('waits out a connection that dies under a query or a transaction', () => {
    // pg's client, when the socket closes while it is in use.
    const terminated = new Error('Connection terminated unexpectedly');
    expect(isTransientInfrastructureError(terminated)).toBe(true);
    expect(isTransientInfrastructureError(failedQuery(terminated))).toBe(true);
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104 });
    expect(isTransientInfrastructureError(failedQuery(reset))).toBe(true);
    // TypeORM, when the transaction goes on with the query runner it released on that error.
    expect(isTransientInfrastructureError(new QueryRunnerProviderAlreadyReleasedError())).toBe(
      true,
    );
    // ... or at its COMMIT (seen when PostgreSQL restarted under a burst of swipes).
    expect(isTransientInfrastructureError(new QueryRunnerAlreadyReleasedError())).toBe(true);
    // pg's pool, when no connection frees up or none can be made in time.
    expect(
      isTransientInfrastructureError(new Error('timeout exceeded when trying to connect')),
    ).toBe(true);
    expect(isTransientInfrastructureError(new Error('timeout expired'))).toBe(true);
  });

  it('waits out a refused connection, also when every address of a host refuses', async () => {
    expect(isTransientInfrastructureError(await refusedConnection('127.0.0.1'))).toBe(true);
    // `localhost` may resolve to ::1 and 127.0.0.1: Node then reports an AggregateError.
    expect(isTransientInfrastructureError(await refusedConnection('localhost'))).toBe(true);
  });

  it('waits out Redis connection loss as ioredis reports it', () => {
    expect(isTransientInfrastructureError(new MaxRetriesPerRequestError(3))).toBe(true);
    expect(isTransientInfrastructureError(new Error('Connection is closed.'))).toBe(true);
  });

  it('waits out a Kafka broker that is unreachable, also once kafkajs stopped retrying', () => {
    const unreachable = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED', {
      broker: '127.0.0.1:9092',
    });
    expect(isTransientInfrastructureError(unreachable)).toBe(true);
    expect(
      isTransientInfrastructureError(
        new KafkaJSNumberOfRetriesExceeded(unreachable, { retryCount: 5, retryTime: 3_000 }),
      ),
    ).toBe(true);
    // As kafkajs builds a protocol error from the broker's error code (its errorCodes table).
    const noLeader = new KafkaJSProtocolError(
      Object.assign(new Error('There is no leader for this topic-partition'), {
        type: 'LEADER_NOT_AVAILABLE',
        code: 5,
        retriable: true,
      }),
    );
    expect(isTransientInfrastructureError(noLeader)).toBe(true);
  });

  it('treats bugs, constraint violations, refusals and bad data as not transient', () => {
    expect(isTransientInfrastructureError(new TypeError('x is undefined'))).toBe(false);
    const duplicate = serverError('23505', 'duplicate key value violates unique constraint');
    expect(isTransientInfrastructureError(failedQuery(duplicate))).toBe(false);
    expect(isTransientInfrastructureError(serverError('42P01', 'relation does not exist'))).toBe(
      false,
    );
    expect(isTransientInfrastructureError(new TypeORMError('No metadata for entity'))).toBe(false);
    expect(isTransientInfrastructureError(new KafkaJSNonRetriableError('message too large'))).toBe(
      false,
    );
    const mixed = new AggregateError([
      Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' }),
      new TypeError('bad'),
    ]);
    expect(isTransientInfrastructureError(mixed)).toBe(false);
    expect(isTransientInfrastructureError(new PoisonMessageError('bad'))).toBe(false);
    expect(isTransientInfrastructureError(new DomainError(COMMON_ERRORS.CONFLICT, 'taken'))).toBe(
      false,
    );
    expect(isTransientInfrastructureError(undefined)).toBe(false);
    expect(isTransientInfrastructureError('ECONNREFUSED')).toBe(false);
  });
});
