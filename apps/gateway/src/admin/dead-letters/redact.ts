import { TOPICS } from '@rendezvous/contracts';

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

/**
 * The message value as JSON when it parses, else the text; redacted either way. A part of a
 * personal-data export is someone's whole data, which no admin needs to see to replay it: of
 * `export.part` only the envelope shows (`data.part` replaced, unreadable text entirely).
 */
export function readableValue(raw: string, originalTopic?: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return originalTopic === TOPICS.EXPORT_PART ? REDACTED : redact(raw);
  }
  return redact(originalTopic === TOPICS.EXPORT_PART ? withoutExportPart(value) : value);
}

function withoutExportPart(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return REDACTED;
  const { data } = value as { data?: unknown };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ...value, data: REDACTED };
  }
  return { ...value, data: { ...data, ...('part' in data ? { part: REDACTED } : {}) } };
}
