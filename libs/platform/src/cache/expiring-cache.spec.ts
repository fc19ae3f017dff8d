import { ExpiringCache } from './expiring-cache';

describe(ExpiringCache.name, () => {
  it('answers an entry until its own expiry and nothing from then on', () => {
    const cache = new ExpiringCache<string, number>(10);
    cache.set('a', 1, 2_000, 1_000);
    expect(cache.get('a', 1_999)).toBe(1);
    expect(cache.get('a', 2_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('stores nothing whose expiry has already passed', () => {
    const cache = new ExpiringCache<string, number>(10);
    cache.set('a', 1, 1_000, 1_000);
    expect(cache.get('a', 999)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the oldest insertion when full, so it never holds more than its bound', () => {
    const cache = new ExpiringCache<string, number>(2);
    cache.set('a', 1, 9_000, 0);
    cache.set('b', 2, 9_000, 0);
    cache.set('a', 3, 9_000, 0);
    cache.set('c', 4, 9_000, 0);
    expect(cache.size).toBe(2);
    expect(cache.get('b', 0)).toBeUndefined();
    expect(cache.get('a', 0)).toBe(3);
    expect(cache.get('c', 0)).toBe(4);
  });

  it('forgets an entry on delete and everything on clear', () => {
    const cache = new ExpiringCache<string, number>(10);
    cache.set('a', 1, 9_000, 0);
    cache.set('b', 2, 9_000, 0);
    cache.delete('a');
    expect(cache.get('a', 0)).toBeUndefined();
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
