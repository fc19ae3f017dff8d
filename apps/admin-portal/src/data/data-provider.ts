import type { components } from '@rendezvous/api-client';
import type { DataProvider, GetListParams, RaRecord } from 'react-admin';
import type { Api } from '../api/client';
import { unwrap } from '../api/client';
import { CursorBook, listKey } from './cursor-book';
import type { CursorPage } from './cursor-book';

type Schemas = components['schemas'];
export type AdminStats = Schemas['AdminStats'];
export type DailyStats = Schemas['DailyStats'];
export type CreateVenue = Schemas['CreateVenueDto'];
export type UpdateVenue = Schemas['UpdateVenueDto'];
export type Decision = Schemas['DecisionDto'];
export type Suspension = Schemas['SuspendDto'];
export type RoleChange = Schemas['RoleDto'];
/** The records the detail pages show, as the API answers them. */
export type MemberDetail = Schemas['AdminUserDetail'];
export type EventDetail = Schemas['EventView'];
export type DeadLetterDetail = Schemas['DeadLetterShape'];

/** The portal's resources and the list each one reads. */
export const RESOURCES = [
  'members',
  'reports',
  'events',
  'venues',
  'dead-letters',
  'audit',
] as const;
export type Resource = (typeof RESOURCES)[number];

type Filter = Record<string, unknown>;
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** Portal operations beyond react-admin's CRUD: stats and the moderation and operations actions. */
export interface AdminActions {
  stats(): Promise<AdminStats>;
  dailyStats(days: number): Promise<DailyStats[]>;
  decideReport(id: string, decision: Decision): Promise<Schemas['QueueItem']>;
  suspend(id: string, body: Suspension): Promise<Schemas['AdminUserItem']>;
  ban(id: string, note: string): Promise<Schemas['AdminUserItem']>;
  reinstate(id: string, note: string): Promise<Schemas['AdminUserItem']>;
  changeRole(id: string, body: RoleChange): Promise<Schemas['AdminUserItem']>;
  cancelEvent(id: string, note: string): Promise<void>;
  replayDeadLetter(id: string, note: string): Promise<Schemas['DeadLetterItemShape']>;
  discardDeadLetter(id: string, note: string): Promise<Schemas['DeadLetterItemShape']>;
}

export type AdminDataProvider = DataProvider & AdminActions;

/**
 * react-admin's data provider over the typed API client. Lists page with the API's cursors;
 * items already carry an `id`, except a report's queue item, which does too.
 */
export function createDataProvider(api: Api): AdminDataProvider {
  const book = new CursorBook();

  const lists: Record<
    Resource,
    (filter: Filter, limit: number, cursor?: string) => Promise<CursorPage<RaRecord>>
  > = {
    members: (filter, limit, cursor) =>
      unwrap(
        api.GET('/api/v1/admin/users', {
          params: {
            query: {
              limit,
              cursor,
              q: text(filter.q),
              status: text(filter.status) as 'active' | 'suspended' | 'banned' | undefined,
              role: text(filter.role) as 'user' | 'moderator' | 'admin' | undefined,
            },
          },
        }),
      ),
    reports: (filter, limit, cursor) =>
      unwrap(
        api.GET('/api/v1/admin/reports', {
          params: {
            query: {
              limit,
              cursor,
              status: (text(filter.status) ?? 'open') as never,
              reason: text(filter.reason) as never,
              subjectUserId: text(filter.subjectUserId),
            },
          },
        }),
      ),
    events: (filter, limit, cursor) =>
      unwrap(
        api.GET('/api/v1/events', {
          params: {
            query: {
              limit,
              cursor,
              q: text(filter.q),
              category: text(filter.category) as never,
              from: text(filter.from),
              to: text(filter.to),
            },
          },
        }),
      ),
    venues: (filter, limit, cursor) =>
      unwrap(
        api.GET('/api/v1/venues', {
          params: { query: { limit, cursor, category: text(filter.category) as never } },
        }),
      ),
    'dead-letters': (filter, limit, cursor) =>
      unwrap(
        api.GET('/api/v1/admin/dead-letters', {
          params: {
            query: {
              limit,
              cursor,
              topic: text(filter.topic),
              consumerGroup: text(filter.consumerGroup),
              status: text(filter.status) as never,
            },
          },
        }),
      ),
    audit: (filter, limit, cursor) =>
      unwrap(
        api.GET('/api/v1/admin/audit', {
          params: {
            query: {
              limit,
              cursor,
              actorId: text(filter.actorId),
              subjectUserId: text(filter.subjectUserId),
              action: text(filter.action) as never,
            },
          },
        }),
      ),
  };

  const one = async (resource: Resource, id: string): Promise<RaRecord> => {
    const path = { params: { path: { id } } };
    switch (resource) {
      case 'members':
        return unwrap(api.GET('/api/v1/admin/users/{id}', path));
      case 'events':
        return unwrap(api.GET('/api/v1/events/{id}', path));
      case 'venues':
        return unwrap(api.GET('/api/v1/venues/{id}', path));
      case 'dead-letters':
        return unwrap(api.GET('/api/v1/admin/dead-letters/{id}', path));
      case 'reports':
      case 'audit':
        throw new Error(`${resource} has no detail view`);
    }
  };

  const asResource = (resource: string): Resource => {
    if (!(RESOURCES as readonly string[]).includes(resource))
      throw new Error(`unknown resource ${resource}`);
    return resource as Resource;
  };

  const notSupported = (what: string) => () =>
    Promise.reject(new Error(`${what} is not offered by the API`));

  return {
    async getList(resource, params: GetListParams) {
      const name = asResource(resource);
      const { page = 1, perPage = 25 } = params.pagination ?? {};
      const filter = (params.filter ?? {}) as Filter;
      const result = await book.page(listKey(name, filter, perPage), page, (cursor) =>
        lists[name](filter, perPage, cursor),
      );
      return {
        data: result.items as never,
        pageInfo: { hasNextPage: result.hasNextPage, hasPreviousPage: page > 1 },
      };
    },
    async getOne(resource, params) {
      return { data: (await one(asResource(resource), String(params.id))) as never };
    },
    async getMany(resource, params) {
      const name = asResource(resource);
      const data = await Promise.all(params.ids.map((id) => one(name, String(id))));
      return { data: data as never };
    },
    getManyReference: notSupported('getManyReference'),
    async create(resource, params) {
      if (asResource(resource) !== 'venues') throw new Error(`${resource} cannot be created here`);
      const venue = await unwrap(
        api.POST('/api/v1/venues', { body: filledFields(params.data) as CreateVenue }),
      );
      book.forget('venues|');
      return { data: venue as never };
    },
    async update(resource, params) {
      if (asResource(resource) !== 'venues') throw new Error(`${resource} cannot be edited here`);
      const body = changedFields(params.data as Record<string, unknown>, params.previousData);
      const venue = await unwrap(
        api.PATCH('/api/v1/venues/{id}', {
          params: { path: { id: String(params.id) } },
          body: body as UpdateVenue,
        }),
      );
      return { data: venue as never };
    },
    updateMany: notSupported('updateMany'),
    delete: notSupported('delete'),
    deleteMany: notSupported('deleteMany'),

    stats: () => unwrap(api.GET('/api/v1/admin/stats')),
    dailyStats: async (days) =>
      (await unwrap(api.GET('/api/v1/admin/stats/daily', { params: { query: { days } } }))).items,
    decideReport: (id, decision) =>
      unwrap(
        api.POST('/api/v1/admin/reports/{id}/decision', {
          params: { path: { id } },
          body: decision,
        }),
      ),
    suspend: (id, body) =>
      unwrap(api.POST('/api/v1/admin/users/{id}/suspend', { params: { path: { id } }, body })),
    ban: (id, note) =>
      unwrap(
        api.POST('/api/v1/admin/users/{id}/ban', { params: { path: { id } }, body: { note } }),
      ),
    reinstate: (id, note) =>
      unwrap(
        api.POST('/api/v1/admin/users/{id}/reinstate', {
          params: { path: { id } },
          body: { note },
        }),
      ),
    changeRole: (id, body) =>
      unwrap(api.PUT('/api/v1/admin/users/{id}/role', { params: { path: { id } }, body })),
    cancelEvent: async (id, note) => {
      await unwrap(api.DELETE('/api/v1/events/{id}', { params: { path: { id } }, body: { note } }));
      book.forget('events|');
    },
    replayDeadLetter: (id, note) =>
      unwrap(
        api.POST('/api/v1/admin/dead-letters/{id}/replay', {
          params: { path: { id } },
          body: { note },
        }),
      ),
    discardDeadLetter: (id, note) =>
      unwrap(
        api.POST('/api/v1/admin/dead-letters/{id}/discard', {
          params: { path: { id } },
          body: { note },
        }),
      ),
  };
}

/** Only what the form changed, so an edit never rewrites fields someone else just changed. */
export function changedFields(
  next: Record<string, unknown>,
  previous: Record<string, unknown> | undefined,
) {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (key === 'id') continue;
    if (previous && JSON.stringify(previous[key]) === JSON.stringify(value)) continue;
    body[key] = value === '' ? null : value;
  }
  return body;
}

/** A new record's fields without the ones left empty, which take the API's defaults. */
export function filledFields(data: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(data).filter(
      ([, value]) => value !== null && value !== undefined && value !== '',
    ),
  );
}
