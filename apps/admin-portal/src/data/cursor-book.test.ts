import { describe, expect, it, vi } from 'vitest';
import { CursorBook, listKey } from './cursor-book';
import type { CursorPage } from './cursor-book';

/** A list of 7 items served 3 at a time, with cursors `c3`, `c6` and no cursor after the last. */
function server() {
  const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  return vi.fn(async (cursor: string | undefined): Promise<CursorPage<string>> => {
    const start = cursor ? Number(cursor.slice(1)) : 0;
    const end = start + 3;
    return { items: items.slice(start, end), nextCursor: end < items.length ? `c${end}` : null };
  });
}

describe('CursorBook', () => {
  it('fetches page 1 without a cursor', async () => {
    const book = new CursorBook();
    const fetchPage = server();
    expect(await book.page('k', 1, fetchPage)).toEqual({
      items: ['a', 'b', 'c'],
      hasNextPage: true,
    });
    expect(fetchPage.mock.calls).toEqual([[undefined]]);
  });

  it('fetches the next pages with the cursor it remembered', async () => {
    const book = new CursorBook();
    const fetchPage = server();
    await book.page('k', 1, fetchPage);
    expect(await book.page('k', 2, fetchPage)).toEqual({
      items: ['d', 'e', 'f'],
      hasNextPage: true,
    });
    expect(await book.page('k', 3, fetchPage)).toEqual({ items: ['g'], hasNextPage: false });
    expect(fetchPage.mock.calls).toEqual([[undefined], ['c3'], ['c6']]);
    // Going back re-reads the page with its remembered cursor.
    await book.page('k', 2, fetchPage);
    expect(fetchPage).toHaveBeenLastCalledWith('c3');
  });

  it('walks forward from the nearest known page when jumping ahead', async () => {
    const book = new CursorBook();
    const fetchPage = server();
    expect(await book.page('k', 3, fetchPage)).toEqual({ items: ['g'], hasNextPage: false });
    expect(fetchPage.mock.calls).toEqual([[undefined], ['c3'], ['c6']]);
  });

  it('answers past the end with no items and no next page, without asking', async () => {
    const book = new CursorBook();
    const fetchPage = server();
    await book.page('k', 3, fetchPage);
    fetchPage.mockClear();
    expect(await book.page('k', 4, fetchPage)).toEqual({ items: [], hasNextPage: false });
    expect(await book.page('k', 9, fetchPage)).toEqual({ items: [], hasNextPage: false });
    expect(fetchPage).not.toHaveBeenCalled();
  });

  it('keeps separate lists apart and forgets those with a prefix', async () => {
    const book = new CursorBook();
    const fetchPage = server();
    await book.page('events|25|[]', 1, fetchPage);
    await book.page('venues|25|[]', 1, fetchPage);
    book.forget('events|');
    fetchPage.mockClear();
    await book.page('venues|25|[]', 2, fetchPage);
    expect(fetchPage.mock.calls).toEqual([['c3']]);
    fetchPage.mockClear();
    await book.page('events|25|[]', 2, fetchPage);
    // The forgotten list starts over from page 1.
    expect(fetchPage.mock.calls).toEqual([[undefined], ['c3']]);
  });
});

describe('listKey', () => {
  it('changes with the filters and the page size', () => {
    const key = listKey('members', { q: 'ann' }, 25);
    expect(listKey('members', { q: 'bob' }, 25)).not.toBe(key);
    expect(listKey('members', { q: 'ann' }, 50)).not.toBe(key);
    expect(listKey('events', { q: 'ann' }, 25)).not.toBe(key);
  });

  it('ignores filter order and empty filters', () => {
    expect(listKey('members', { role: 'user', q: 'ann', status: '' }, 25)).toBe(
      listKey('members', { q: 'ann', role: 'user', subject: undefined, other: null }, 25),
    );
  });
});
