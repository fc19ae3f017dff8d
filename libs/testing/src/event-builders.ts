import { randomUUID } from 'node:crypto';
import type {
  Envelope,
  ServiceName,
  UserProfileData,
  UserStateData,
  UserStatusData,
} from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';

/** An envelope as a producer would send it: `anEnvelope('user.updated', data, { version: 2 })`. */
export function anEnvelope<TData>(
  type: string,
  data: TData,
  options: {
    aggregateId?: string;
    version?: number;
    source?: ServiceName;
    recipientIds?: string[];
  } = {},
): Envelope<TData> {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    source: options.source ?? 'user',
    aggregateId: options.aggregateId ?? randomUUID(),
    aggregateVersion: options.version ?? 1,
    correlationId: randomUUID().replaceAll('-', ''),
    ...(options.recipientIds ? { recipientIds: options.recipientIds } : {}),
    data,
  };
}

/** A person's `user.*` state with default preferences: `aUserState({ profile: { ... } })`. */
export function aUserState(
  overrides: Partial<Omit<UserStateData, 'profile' | 'preferences'>> & {
    profile?: Partial<UserProfileData>;
    preferences?: Partial<UserStateData['preferences']>;
  } = {},
): UserStateData {
  const { profile, preferences, ...rest } = overrides;
  return {
    userId: randomUUID(),
    name: 'Test Person',
    role: 'user',
    lastActiveAt: new Date().toISOString(),
    createdAt: new Date().toISOString(),
    ...rest,
    profile: {
      bio: null,
      headline: null,
      birthDate: null,
      industry: null,
      jobLevel: null,
      company: null,
      companySize: null,
      interests: [],
      skills: [],
      languages: [],
      location: null,
      ...profile,
    },
    preferences: {
      ageMin: 18,
      ageMax: 100,
      distanceKm: 50,
      industries: [],
      jobLevels: [],
      companySizes: [],
      interests: [],
      networkingGoals: [],
      meetingTypes: [],
      languages: [],
      excludeColleagues: false,
      weights: null,
      ...preferences,
    },
  };
}

/** A person's standing as `user.status_changed` carries it: active `user` unless changed. */
export function aUserStatus(userId: string, change: Partial<UserStatusData> = {}): UserStatusData {
  return {
    userId,
    status: 'active',
    suspendedUntil: null,
    role: 'user',
    roleChangedAt: null,
    hidden: false,
    changedAt: new Date().toISOString(),
    ...change,
  };
}

/** `user.status_changed` for a person at a version of their aggregate. */
export function aUserStatusEvent(
  userId: string,
  version: number,
  change: Partial<UserStatusData> = {},
): Envelope<UserStatusData> {
  return anEnvelope(TOPICS.USER_STATUS_CHANGED, aUserStatus(userId, change), {
    aggregateId: userId,
    version,
  });
}
