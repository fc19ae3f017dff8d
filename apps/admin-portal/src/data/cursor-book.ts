export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageResult<T> {
  items: T[];
  hasNextPage: boolean;
}

/**
 * Turns the API's cursors into react-admin's numbered pages. Page 1 starts without a cursor; each
 * page fetched remembers the cursor of the next one. Asking for a page whose cursor is not known
 * yet walks forward from the nearest known page. A list is keyed by its resource, filters and page
 * size, so changing a filter starts over.
 */
export class CursorBook {
  private readonly cursors = new Map<string, Map<number, string | null>>();

  async page<T>(
    key: string,
    page: number,
    fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>,
  ): Promise<PageResult<T>> {
    const known = this.cursors.get(key) ?? new Map<number, string | null>([[1, null]]);
    this.cursors.set(key, known);
    let from = page;
    while (from > 1 && !known.has(from)) from -= 1;
    let cursor = known.get(from) ?? null;
    for (let current = from; ; current += 1) {
      if (current > 1 && cursor === null) return { items: [], hasNextPage: false };
      const result = await fetchPage(cursor ?? undefined);
      known.set(current + 1, result.nextCursor);
      if (current >= page) return { items: result.items, hasNextPage: result.nextCursor !== null };
      cursor = result.nextCursor;
    }
  }

  forget(prefix: string): void {
    for (const key of this.cursors.keys()) if (key.startsWith(prefix)) this.cursors.delete(key);
  }
}

/** A stable key for one list: resource, filters (sorted, empty ones dropped) and page size. */
export function listKey(
  resource: string,
  filter: Record<string, unknown>,
  perPage: number,
): string {
  const entries = Object.entries(filter)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  return `${resource}|${perPage}|${JSON.stringify(entries)}`;
}
