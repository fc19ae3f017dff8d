import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionStatus } from './connection-status';

describe('ConnectionStatus', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('probes with growing pauses while offline and tells listeners once when back', async () => {
    const ping = vi
      .fn<() => Promise<boolean>>()
      .mockResolvedValueOnce(false)
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(true);
    const status = new ConnectionStatus(ping, [1000, 2000, 4000]);
    const states: string[] = [];
    status.subscribe(() => states.push(status.current));

    status.lost();
    status.lost();
    expect(status.current).toBe('offline');
    expect(states).toEqual(['offline']);

    await vi.advanceTimersByTimeAsync(999);
    expect(ping).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(ping).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1999);
    expect(ping).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ping).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(4000);
    expect(ping).toHaveBeenCalledTimes(3);

    expect(status.current).toBe('online');
    expect(states).toEqual(['offline', 'online']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).toHaveBeenCalledTimes(3);
  });

  it('keeps probing at the longest pause', async () => {
    const ping = vi.fn(async () => false);
    const status = new ConnectionStatus(ping, [100, 200]);
    status.lost();
    await vi.advanceTimersByTimeAsync(100 + 200 + 200 + 200);
    expect(ping).toHaveBeenCalledTimes(4);
    status.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ping).toHaveBeenCalledTimes(4);
  });

  it('comes back at once when a request gets through, cancelling the probe', async () => {
    const ping = vi.fn(async () => true);
    const status = new ConnectionStatus(ping, [1000]);
    const listener = vi.fn();
    status.subscribe(listener);
    status.reached();
    expect(listener).not.toHaveBeenCalled();

    status.lost();
    status.reached();
    expect(status.current).toBe('online');
    expect(listener).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(ping).not.toHaveBeenCalled();
  });

  it('starts the backoff over after each loss', async () => {
    const ping = vi.fn(async () => true);
    const status = new ConnectionStatus(ping, [1000, 8000]);
    status.lost();
    await vi.advanceTimersByTimeAsync(1000);
    expect(status.current).toBe('online');
    status.lost();
    await vi.advanceTimersByTimeAsync(1000);
    expect(ping).toHaveBeenCalledTimes(2);
    expect(status.current).toBe('online');
  });

  it('stops telling a listener that unsubscribed', () => {
    const status = new ConnectionStatus(async () => true);
    const listener = vi.fn();
    const unsubscribe = status.subscribe(listener);
    unsubscribe();
    status.lost();
    status.stop();
    expect(listener).not.toHaveBeenCalled();
  });

  it("goes offline on the browser's offline event and checks at once when it is back", async () => {
    const ping = vi.fn(async () => true);
    const browser = new EventTarget();
    const status = new ConnectionStatus(ping, [10_000], browser);

    browser.dispatchEvent(new Event('offline'));
    expect(status.current).toBe('offline');
    browser.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(ping).toHaveBeenCalledTimes(1);
    expect(status.current).toBe('online');

    status.stop();
    browser.dispatchEvent(new Event('offline'));
    expect(status.current).toBe('online');
  });
});
