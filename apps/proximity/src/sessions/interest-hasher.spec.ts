import { createHmac } from 'node:crypto';
import { ConfigError } from '@rendezvous/platform';
import { ProximityConfig } from '../config';
import { DEVELOPMENT_HMAC_KEY, InterestHasher, hmacKeyFrom } from './interest-hasher';

const KEY = 'k'.repeat(32);

describe(InterestHasher.name, () => {
  const hasher = new InterestHasher(KEY);

  it('hashes the normalised interest with HMAC-SHA256 under the key', () => {
    const expected = createHmac('sha256', KEY).update('machine learning').digest('base64url');
    expect(hasher.entries(['  Machine   LEARNING '])).toEqual([
      { hash: expected, category: 'tech' },
    ]);
  });

  it('gives equal interests equal hashes and different keys different hashes', () => {
    expect(hasher.hash('chess')).toBe(new InterestHasher(KEY).hash('chess'));
    expect(hasher.hash('chess')).not.toBe(hasher.hash('go'));
    expect(hasher.hash('chess')).not.toBe(new InterestHasher('x'.repeat(32)).hash('chess'));
  });

  it('keeps one entry per distinct interest and never the text', () => {
    const entries = hasher.entries(['Chess', 'chess ', 'Hardstyle', 'zorbing-x1']);
    expect(entries.map((e) => e.category)).toEqual(['games', 'music', 'other']);
    const text = JSON.stringify(entries).toLowerCase();
    for (const raw of ['chess', 'hardstyle', 'zorbing']) expect(text).not.toContain(raw);
  });
});

describe(hmacKeyFrom.name, () => {
  const config = (overrides: Partial<ProximityConfig>) =>
    Object.assign(new ProximityConfig(), overrides);

  it('uses the development key locally when none is set', () => {
    expect(hmacKeyFrom(config({}))).toBe(DEVELOPMENT_HMAC_KEY);
  });

  it('refuses to start in production without a key, naming the variable', () => {
    const attempt = () => hmacKeyFrom(config({ NODE_ENV: 'production' }));
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PROXIMITY_HMAC_KEY/);
  });

  it('refuses a short key anywhere', () => {
    expect(() => hmacKeyFrom(config({ PROXIMITY_HMAC_KEY: 'short' }))).toThrow(
      /PROXIMITY_HMAC_KEY: must be at least 32/,
    );
    expect(hmacKeyFrom(config({ NODE_ENV: 'production', PROXIMITY_HMAC_KEY: KEY }))).toBe(KEY);
  });
});
