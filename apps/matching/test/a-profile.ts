import { randomUUID } from 'node:crypto';
import type { MatchingWeights } from '@rendezvous/contracts';
import type { LatLng } from '@rendezvous/contracts';
import { locationCell } from '@rendezvous/contracts';
import type { MatchProfile } from '../src/discovery/match-profile';
import { emptyProfile } from '../src/discovery/match-profile';

export const PARIS: LatLng = { lat: 48.8566, lng: 2.3522 };

/** A test profile: `aProfile().near(PARIS).withInterests('ai').build()`. */
export function aProfile(userId: string = randomUUID()) {
  const profile: MatchProfile = emptyProfile(userId);
  const builder = {
    near(location: LatLng) {
      profile.location = location;
      profile.cell = locationCell(location);
      return builder;
    },
    withInterests(...interests: string[]) {
      profile.interests = interests;
      return builder;
    },
    withSkills(...skills: string[]) {
      profile.skills = skills;
      return builder;
    },
    in(industry: string) {
      profile.industry = industry;
      return builder;
    },
    at(company: string) {
      profile.company = company;
      return builder;
    },
    bornOn(birthDate: string) {
      profile.birthDate = birthDate;
      return builder;
    },
    activeAt(lastActiveAt: Date) {
      profile.lastActiveAt = lastActiveAt;
      return builder;
    },
    with(fields: Partial<MatchProfile>) {
      Object.assign(profile, fields);
      return builder;
    },
    weighing(weights: MatchingWeights) {
      profile.weights = weights;
      return builder;
    },
    build: (): MatchProfile => ({ ...profile }),
  };
  return builder;
}
