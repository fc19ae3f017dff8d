import { CachedRead } from './cached-read';

describe('CachedRead', () => {
  it('reads once per maxAgeMs and serves the cached value in between', async () => {
    let clock = 0;
    let reads = 0;
    const cached = new CachedRead(async () => ++reads, {
      maxAgeMs: 15_000,
      waitMs: 1_000,
      onError: () => undefined,
      now: () => clock,
    });
    expect(await cached.get()).toBe(1);
    clock = 14_999;
    expect(await cached.get()).toBe(1);
    clock = 15_000;
    expect(await cached.get()).toBe(2);
    expect(reads).toBe(2);
  });

  it('answers with the previous value when a read outlasts waitMs, and keeps its result', async () => {
    let clock = 0;
    let release: (value: number) => void = () => undefined;
    let first = true;
    const cached = new CachedRead(
      () => {
        if (first) {
          first = false;
          return Promise.resolve(1);
        }
        return new Promise<number>((resolve) => (release = resolve));
      },
      { maxAgeMs: 10, waitMs: 5, onError: () => undefined, now: () => clock },
    );
    expect(await cached.get()).toBe(1);
    clock = 10;
    expect(await cached.get()).toBe(1);
    release(2);
    await new Promise(setImmediate);
    expect(await cached.get()).toBe(2);
  });

  it('reports a failed read and waits maxAgeMs before trying again', async () => {
    let clock = 0;
    let reads = 0;
    const errors: unknown[] = [];
    const cached = new CachedRead<number>(
      async () => {
        reads++;
        throw new Error('broker down');
      },
      { maxAgeMs: 100, waitMs: 50, onError: (error) => errors.push(error), now: () => clock },
    );
    expect(await cached.get()).toBeUndefined();
    expect(await cached.get()).toBeUndefined();
    expect(reads).toBe(1);
    expect(errors).toHaveLength(1);
    clock = 100;
    await cached.get();
    expect(reads).toBe(2);
  });
});
