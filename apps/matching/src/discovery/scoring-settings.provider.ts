import { Injectable } from '@nestjs/common';
import { MatchingConfig } from '../config';
import type { ScoringSettings } from './compatibility';
import { normaliseWeights } from './compatibility';

/** The configured scoring defaults, normalised once at boot. */
@Injectable()
export class ScoringSettingsProvider {
  readonly settings: ScoringSettings;

  constructor(config: MatchingConfig) {
    const weights = {
      profile: config.MATCHING_WEIGHT_PROFILE,
      interests: config.MATCHING_WEIGHT_INTERESTS,
      location: config.MATCHING_WEIGHT_LOCATION,
      industry: config.MATCHING_WEIGHT_INDUSTRY,
      activity: config.MATCHING_WEIGHT_ACTIVITY,
    };
    if (Object.values(weights).every((weight) => weight === 0)) {
      throw new Error('MATCHING_WEIGHT_* settings must not all be zero');
    }
    this.settings = {
      weights: normaliseWeights(weights),
      activityHalfLifeDays: config.MATCHING_ACTIVITY_HALF_LIFE_DAYS,
    };
  }
}
