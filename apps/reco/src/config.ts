import { NumberSetting, PlatformConfig, PortSetting } from '@rendezvous/platform';

export class RecoConfig extends PlatformConfig {
  @PortSetting()
  override PORT = 3005;

  // Venue score = distance·e^(−decay·km) + preference·… + popularity·… (API.md's defaults).
  @NumberSetting(0, 10)
  RECO_WEIGHT_DISTANCE = 0.4;

  @NumberSetting(0, 10)
  RECO_WEIGHT_PREFERENCE = 0.4;

  @NumberSetting(0, 10)
  RECO_WEIGHT_POPULARITY = 0.2;

  @NumberSetting(0, 100)
  RECO_DISTANCE_DECAY_PER_KM = 0.3;

  // Companion score = strength·… + venue affinity·… + category affinity·….
  @NumberSetting(0, 10)
  RECO_PERSON_WEIGHT_STRENGTH = 0.6;

  @NumberSetting(0, 10)
  RECO_PERSON_WEIGHT_VENUE = 0.25;

  @NumberSetting(0, 10)
  RECO_PERSON_WEIGHT_CATEGORY = 0.15;
}
