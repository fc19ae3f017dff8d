import { NumberSetting, PlatformConfig, PortSetting } from '@rendezvous/platform';
import { DEFAULT_PERSON_WEIGHTS, DEFAULT_VENUE_WEIGHTS } from './scoring/formula-constants';

export class RecoConfig extends PlatformConfig {
  @PortSetting()
  override PORT = 3005;

  // Venue score = distance·e^(−decay·km) + preference·… + popularity·… (API.md's defaults).
  @NumberSetting(0, 10)
  RECO_WEIGHT_DISTANCE = DEFAULT_VENUE_WEIGHTS.distance;

  @NumberSetting(0, 10)
  RECO_WEIGHT_PREFERENCE = DEFAULT_VENUE_WEIGHTS.preference;

  @NumberSetting(0, 10)
  RECO_WEIGHT_POPULARITY = DEFAULT_VENUE_WEIGHTS.popularity;

  @NumberSetting(0, 100)
  RECO_DISTANCE_DECAY_PER_KM = DEFAULT_VENUE_WEIGHTS.decayPerKm;

  // Companion score = strength·… + venue affinity·… + category affinity·….
  @NumberSetting(0, 10)
  RECO_PERSON_WEIGHT_STRENGTH = DEFAULT_PERSON_WEIGHTS.strength;

  @NumberSetting(0, 10)
  RECO_PERSON_WEIGHT_VENUE = DEFAULT_PERSON_WEIGHTS.venue;

  @NumberSetting(0, 10)
  RECO_PERSON_WEIGHT_CATEGORY = DEFAULT_PERSON_WEIGHTS.category;
}
