import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';

/** Keyset position after the last item of a page: its sort key and id. */
export interface Cursor {
  key: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

/**
 * The position a cursor stands for; a cursor that is not ours (or whose parts `fits` refuses)
 * is a validation error naming `cursor`.
 */
export function decodeCursor(
  value: string | undefined,
  fits: (cursor: Cursor) => boolean = () => true,
): Cursor | null {
  if (value === undefined || value === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 2 &&
    typeof parsed[0] === 'string' &&
    typeof parsed[1] === 'string' &&
    fits({ key: parsed[0], id: parsed[1] })
  ) {
    return { key: parsed[0], id: parsed[1] };
  }
  throw new DomainError(COMMON_ERRORS.VALIDATION_FAILED, 'The request has invalid fields', [
    { path: 'cursor', message: 'cursor is not a cursor from a previous page' },
  ]);
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Rows fetched with limit + 1: the extra row only tells whether another page exists. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  cursorOf: (row: R) => Cursor,
  map: (row: R) => T,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null,
  };
}
