import { isInstant } from './instant';
import { invalidFields } from '../errors/validation';

/** Keyset position after the last item of a page: its sort key and id. */
export interface Cursor {
  key: string;
  id: string;
}

/** What a list sorts by; a cursor's key must be one of these before it reaches a query. */
export type CursorKey = 'instant' | 'number' | 'integer' | 'text';

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;
const INTEGER = /^-?\d{1,18}$/;
const MAX_TEXT_KEY = 1000;

const KEY_FITS: Record<CursorKey, (key: string) => boolean> = {
  instant: isInstant,
  number: (key) => key.trim() !== '' && Number.isFinite(Number(key)),
  integer: (key) => INTEGER.test(key),
  text: (key) => key.length <= MAX_TEXT_KEY,
};

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

function parse(value: string): unknown {
  try {
    return JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The position a cursor stands for. The one place cursors are decoded: a cursor that is not
 * ours, or whose key is not of the list's kind or whose id is not a UUID, is a `400` naming
 * `cursor` — never a value a query could choke on.
 */
export function decodeCursor(value: string | undefined, key: CursorKey): Cursor | null {
  if (value === undefined || value === '') return null;
  const parsed = parse(value);
  if (
    Array.isArray(parsed) &&
    parsed.length === 2 &&
    typeof parsed[0] === 'string' &&
    typeof parsed[1] === 'string' &&
    KEY_FITS[key](parsed[0]) &&
    UUID.test(parsed[1])
  ) {
    return { key: parsed[0], id: parsed[1] };
  }
  throw invalidFields([{ path: 'cursor', message: 'cursor is not a cursor from a previous page' }]);
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
