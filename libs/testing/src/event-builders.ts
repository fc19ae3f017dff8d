import { randomUUID } from 'node:crypto';
import type {
  Envelope,
  EventData,
  ServiceName,
  Topic,
  UserProfileData,
  UserStateData,
  UserStatusData,
} from '@rendezvous/contracts';
import { TOPICS } from '@rendezvous/contracts';

/**
 * An envelope as a producer would send it, its data typed by the topic:
 * `anEnvelope('user.updated', data, { version: 2 })`.
 */
export function anEnvelope<T extends Topic>(
  type: T,
  data: EventData<T>,
  options: {
    aggregateId?: string;
    version?: number;
    source?: ServiceName;
    recipientIds?: string[];
  } = {},
): Envelope<EventData<T>, T> {
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

/**
 * An envelope carrying only the data fields a test names, for code that reads just those (a
 * counter, a notification's payload). It would fail the published schema, so it never goes
 * through a validator or onto Kafka; use `anEnvelope` with whole data for that.
 */
export function aPartialEnvelope<T extends Topic>(
  type: T,
  data: Partial<EventData<T>> = {},
  options: Parameters<typeof anEnvelope>[2] = {},
): Envelope<EventData<T>, T> {
  return anEnvelope(type, data as EventData<T>, options);
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
): Envelope<UserStatusData, 'user.status_changed'> {
  return anEnvelope(TOPICS.USER_STATUS_CHANGED, aUserStatus(userId, change), {
    aggregateId: userId,
    version,
  });
}
