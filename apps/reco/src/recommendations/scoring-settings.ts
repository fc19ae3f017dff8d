import { Injectable } from '@nestjs/common';
import { RecoConfig } from '../config';
import type { PersonWeights } from '../scoring/person-score';
import type { VenueWeights } from '../scoring/venue-score';

/** The configured weights of both formulas (API.md's defaults unless set). */
@Injectable()
export class ScoringSettings {
  readonly venue: VenueWeights;
  readonly person: PersonWeights;

  constructor(config: RecoConfig) {
    this.venue = {
      distance: config.RECO_WEIGHT_DISTANCE,
      preference: config.RECO_WEIGHT_PREFERENCE,
      popularity: config.RECO_WEIGHT_POPULARITY,
      decayPerKm: config.RECO_DISTANCE_DECAY_PER_KM,
    };
    this.person = {
      strength: config.RECO_PERSON_WEIGHT_STRENGTH,
      venue: config.RECO_PERSON_WEIGHT_VENUE,
      category: config.RECO_PERSON_WEIGHT_CATEGORY,
    };
  }
}
