import { BootPhase, failureMessage } from './boot-phase';

const logger = { log: () => undefined, warn: () => undefined };
const quick = () => new BootPhase({ retryBaseMs: 1, retryMaxMs: 2, logger });

describe(BootPhase.name, () => {
  it('names every expected dependency as not connected before its turn', () => {
    const boot = quick();
    boot.expect(['database', 'redis']);
    expect(boot.snapshot()).toMatchObject({
      process: 'starting',
      dependencies: [
        { name: 'database', up: false, everUp: false, error: 'not connected yet' },
        { name: 'redis', up: false, everUp: false, error: 'not connected yet' },
      ],
    });
  });

  it('retries a step until it succeeds, keeping its latest error meanwhile', async () => {
    const boot = quick();
    const errorsSeen: (string | undefined)[] = [];
    let attempts = 0;
    const result = await boot.connect('redis', async () => {
      errorsSeen.push(boot.snapshot().dependencies[0]?.error);
      attempts += 1;
      if (attempts < 3) throw new Error(`WRONGPASS ${attempts}`);
      return 'connected';
    });
    expect(result).toBe('connected');
    expect(errorsSeen).toEqual(['connecting', 'WRONGPASS 1', 'WRONGPASS 2']);
    expect(boot.snapshot().dependencies[0]).toMatchObject({ up: true, everUp: true });
    expect(boot.snapshot().dependencies[0]?.error).toBeUndefined();
  });

  it('stops retrying once abandoned', async () => {
    const boot = new BootPhase({ retryBaseMs: 60_000, retryMaxMs: 60_000, logger });
    const connecting = boot.connect('kafka', () => Promise.reject(new Error('refused')));
    await new Promise((resolve) => setImmediate(resolve));
    await boot.abandon();
    await expect(connecting).rejects.toThrow(/abandoned while connecting kafka/);
  });
});

describe(failureMessage.name, () => {
  it('speaks for an empty AggregateError through its parts, and for a bare error by its code', () => {
    const refused = Object.assign(new Error(''), { code: 'ECONNREFUSED' });
    const both = new AggregateError([new Error('connect ECONNREFUSED ::1:6379'), refused], '');
    expect(failureMessage(both)).toBe('connect ECONNREFUSED ::1:6379; ECONNREFUSED');
  });
});
