import { describe, expect, it } from 'vitest';
import { createApi } from '../api/client';
import { changedFields, createDataProvider } from './data-provider';
import { ORIGIN, fakeFetch } from '../test/fake-fetch';

const page = (items: object[], nextCursor: string | null = null) =>
  new Response(JSON.stringify({ items, nextCursor }), {
    headers: { 'content-type': 'application/json' },
  });

describe('createDataProvider', () => {
  const fake = fakeFetch();

  const provider = () =>
    createDataProvider(
      createApi(
        ORIGIN,
        { token: async () => 'tok', refresh: async () => undefined },
        fake.connection,
      ),
    );

  /** Path and query of the n-th request, the query as a plain object. */
  const sent = (n: number) => {
    const url = new URL(fake.fetch.mock.calls[n][0].url);
    return { path: `${url.origin}${url.pathname}`, query: Object.fromEntries(url.searchParams) };
  };

  it('lists open reports by default, with the bearer token', async () => {
    fake.fetch.mockResolvedValueOnce(page([{ id: 'r1' }], 'next-r'));
    const result = await provider().getList('reports', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'id', order: 'ASC' },
      filter: {},
    });
    expect(sent(0)).toEqual({
      path: `${ORIGIN}/api/v1/admin/reports`,
      query: { limit: '25', status: 'open' },
    });
    expect(fake.fetch.mock.calls[0][0].headers.get('authorization')).toBe('Bearer tok');
    expect(result).toEqual({
      data: [{ id: 'r1' }],
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    });
  });

  it('drops empty filters, trims text and passes the remembered cursor on page 2', async () => {
    fake.fetch
      .mockResolvedValueOnce(page([{ id: 'm1' }], 'c-2'))
      .mockResolvedValueOnce(page([{ id: 'm2' }]));
    const data = provider();
    const params = {
      sort: { field: 'id', order: 'ASC' as const },
      filter: { q: '  ann ', status: '', role: 'moderator', unknown: 'ignored' },
    };
    await data.getList('members', { ...params, pagination: { page: 1, perPage: 10 } });
    const second = await data.getList('members', {
      ...params,
      pagination: { page: 2, perPage: 10 },
    });

    expect(sent(0)).toEqual({
      path: `${ORIGIN}/api/v1/admin/users`,
      query: { limit: '10', q: 'ann', role: 'moderator' },
    });
    expect(sent(1).query).toEqual({ limit: '10', q: 'ann', role: 'moderator', cursor: 'c-2' });
    expect(second).toEqual({
      data: [{ id: 'm2' }],
      pageInfo: { hasNextPage: false, hasPreviousPage: true },
    });
  });

  it('starts a list over when its filter changes', async () => {
    fake.fetch.mockImplementation(async () => page([{ id: 'e' }], 'c-e'));
    const data = provider();
    const list = (filter: object, pageNo: number) =>
      data.getList('events', {
        pagination: { page: pageNo, perPage: 25 },
        sort: { field: 'id', order: 'ASC' },
        filter,
      });
    await list({ q: 'jazz' }, 1);
    await list({ q: 'rock' }, 2);
    expect(sent(1).query).toEqual({ limit: '25', q: 'rock' });
    expect(sent(2).query).toEqual({ limit: '25', q: 'rock', cursor: 'c-e' });
  });

  it('refuses a resource it does not know', async () => {
    await expect(
      provider().getList('swipes', {
        pagination: { page: 1, perPage: 25 },
        sort: { field: 'id', order: 'ASC' },
        filter: {},
      }),
    ).rejects.toThrow('unknown resource swipes');
    expect(fake.fetch).not.toHaveBeenCalled();
  });

  it('sends only the changed fields of a venue', async () => {
    fake.fetch.mockResolvedValueOnce(
      new Response(JSON.stringify({ id: 'v1', name: 'New' }), {
        headers: { 'content-type': 'application/json' },
      }),
    );
    await provider().update('venues', {
      id: 'v1',
      data: { id: 'v1', name: 'New', category: 'bar', url: '' },
      previousData: { id: 'v1', name: 'Old', category: 'bar', url: 'https://old.example' },
    });
    const request = fake.fetch.mock.calls[0][0];
    expect(request.method).toBe('PATCH');
    expect(request.url).toBe(`${ORIGIN}/api/v1/venues/v1`);
    expect(await request.json()).toEqual({ name: 'New', url: null });
  });
});

describe('changedFields', () => {
  it('keeps only what changed, comparing nested values, never the id', () => {
    expect(
      changedFields(
        { id: 'v1', name: 'A', location: { lat: 1, lng: 2 }, tags: ['x'], capacity: 40 },
        { id: 'v1', name: 'A', location: { lat: 1, lng: 3 }, tags: ['x'], capacity: 30 },
      ),
    ).toEqual({ location: { lat: 1, lng: 2 }, capacity: 40 });
  });

  it('clears a field emptied in the form with null', () => {
    expect(changedFields({ url: '' }, { url: 'https://a.example' })).toEqual({ url: null });
  });

  it('sends every field without previous data', () => {
    expect(changedFields({ id: 'v1', name: 'A', url: '' }, undefined)).toEqual({
      name: 'A',
      url: null,
    });
  });
});
