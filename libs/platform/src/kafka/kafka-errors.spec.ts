import { PoisonMessageError, backoffDelay, isTransientInfrastructureError } from './kafka-errors';

describe(backoffDelay.name, () => {
  it('doubles from the base and stays within the cap', () => {
    const max = () => 1;
    expect(backoffDelay(1, 200, 5_000, max)).toBe(200);
    expect(backoffDelay(2, 200, 5_000, max)).toBe(400);
    expect(backoffDelay(3, 200, 5_000, max)).toBe(800);
    expect(backoffDelay(10, 200, 5_000, max)).toBe(5_000);
  });

  it('jitters between half the ceiling and the ceiling', () => {
    expect(backoffDelay(3, 200, 5_000, () => 0)).toBe(400);
  });
});

describe(isTransientInfrastructureError.name, () => {
  const withCode = (code: string) => Object.assign(new Error('boom'), { code });

  it('recognises network and database outages, also when wrapped', () => {
    expect(isTransientInfrastructureError(withCode('ECONNREFUSED'))).toBe(true);
    expect(isTransientInfrastructureError(withCode('08006'))).toBe(true);
    expect(isTransientInfrastructureError(withCode('57P01'))).toBe(true);
    expect(isTransientInfrastructureError(withCode('40P01'))).toBe(true);
    expect(isTransientInfrastructureError(new Error('Connection terminated unexpectedly'))).toBe(
      true,
    );
    // pg's own connect timeout (a server too busy to accept in time)
    expect(isTransientInfrastructureError(new Error('timeout expired'))).toBe(true);
    expect(
      isTransientInfrastructureError({ name: 'QueryFailedError', driverError: withCode('53300') }),
    ).toBe(true);
    expect(
      isTransientInfrastructureError(new Error('wrapped', { cause: withCode('ETIMEDOUT') })),
    ).toBe(true);
  });

  it('treats bugs, constraint violations and bad data as not transient', () => {
    expect(isTransientInfrastructureError(new TypeError('x is undefined'))).toBe(false);
    expect(isTransientInfrastructureError(withCode('23505'))).toBe(false);
    expect(isTransientInfrastructureError(new PoisonMessageError('bad'))).toBe(false);
    expect(isTransientInfrastructureError(undefined)).toBe(false);
    expect(isTransientInfrastructureError('ECONNREFUSED')).toBe(false);
  });
});
