import { createHmac } from 'node:crypto';
import type { InterestCategory } from '@rendezvous/contracts';
import { interestCategory, normaliseTerms } from '@rendezvous/contracts';
import { ConfigError } from '@rendezvous/platform';
import type { ProximityConfig } from '../config';

/** Used only outside production when PROXIMITY_HMAC_KEY is empty. */
export const DEVELOPMENT_HMAC_KEY = 'rendezvous-development-proximity-interest-key';
export const MIN_HMAC_KEY_LENGTH = 32;

/** What a session keeps of one interest: its keyed hash and its category, never the text. */
export interface InterestEntry {
  hash: string;
  category: InterestCategory;
}

export function hmacKeyFrom(config: Pick<ProximityConfig, 'NODE_ENV' | 'PROXIMITY_HMAC_KEY'>) {
  const key = config.PROXIMITY_HMAC_KEY;
  if (!key) {
    if (config.NODE_ENV === 'production') {
      throw new ConfigError(['PROXIMITY_HMAC_KEY: must be set in production']);
    }
    return DEVELOPMENT_HMAC_KEY;
  }
  if (key.length < MIN_HMAC_KEY_LENGTH) {
    throw new ConfigError([
      `PROXIMITY_HMAC_KEY: must be at least ${MIN_HMAC_KEY_LENGTH} characters`,
    ]);
  }
  return key;
}

/**
 * Turns raw interests into what a session may hold. Equal interests (after normalising) give
 * equal hashes, so two sessions can be compared; without the key, a hash cannot be tested
 * against a list of likely interests.
 */
export class InterestHasher {
  constructor(private readonly key: string) {}

  static fromConfig(config: ProximityConfig): InterestHasher {
    return new InterestHasher(hmacKeyFrom(config));
  }

  /** HMAC-SHA256 of an already normalised interest, base64url. */
  hash(normalised: string): string {
    return createHmac('sha256', this.key).update(normalised, 'utf8').digest('base64url');
  }

  /** One entry per distinct normalised interest, in the order given. */
  entries(interests: readonly string[]): InterestEntry[] {
    return normaliseTerms(interests).map((term) => ({
      hash: this.hash(term),
      category: interestCategory(term),
    }));
  }
}
