export const REDACTED = '[redacted]';

// Exact coordinates under any of these names; a city or a cell id is not a position.
const COORDINATE_KEYS = new Set(['lat', 'lng', 'lon', 'long', 'latitude', 'longitude']);
const EMAIL_KEY = /e-?mail/i;
const EMAIL_IN_TEXT = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:]+/g;

/**
 * A dead letter's value as an admin may see it (API.md, Operations): emails and exact
 * coordinates replaced, whatever the shape of the message — it may be the very thing that
 * failed validation, so nothing about its structure is assumed.
 */
export function redact(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(EMAIL_IN_TEXT, REDACTED);
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      EMAIL_KEY.test(key) || COORDINATE_KEYS.has(key.toLowerCase()) ? REDACTED : redact(inner),
    ]),
  );
}

/** The message value as JSON when it parses, else the text; redacted either way. */
export function readableValue(raw: string): unknown {
  try {
    return redact(JSON.parse(raw));
  } catch {
    return redact(raw);
  }
}
