/** One event as a calendar entry (RFC 5545 VEVENT). */
export interface CalendarEntry {
  uid: string;
  /** When this calendar object was produced (DTSTAMP). */
  stamp: Date;
  created: Date;
  lastModified: Date;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description: string;
  location: string;
  geo: { lat: number; lng: number };
  categories: string[];
  cancelled: boolean;
  /** Rises with every change, so calendar apps replace their copy. */
  sequence: number;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** UTC date-time form `YYYYMMDDTHHMMSSZ`. */
export function icsDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT value escaping: backslash, semicolon, comma and line breaks; other controls dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .split('')
    .filter((char) => !isControl(char))
    .join('');
}

// TEXT allows horizontal tab but no other control character.
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 0x20 && code !== 0x09) || code === 0x7f;
}

/**
 * Folds a content line so no physical line exceeds 75 octets (continuations start with one
 * space, which counts); never splits a UTF-8 character.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

function coordinate(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

/** A complete VCALENDAR holding the one entry, CRLF line endings, lines folded. */
export function calendarOf(entry: CalendarEntry): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Rendezvous//Event service//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${entry.uid}`,
    `DTSTAMP:${icsDateTime(entry.stamp)}`,
    `CREATED:${icsDateTime(entry.created)}`,
    `LAST-MODIFIED:${icsDateTime(entry.lastModified)}`,
    `SEQUENCE:${entry.sequence}`,
    `DTSTART:${icsDateTime(entry.startsAt)}`,
    `DTEND:${icsDateTime(entry.endsAt)}`,
    `SUMMARY:${escapeText(entry.summary)}`,
    ...(entry.description ? [`DESCRIPTION:${escapeText(entry.description)}`] : []),
    `LOCATION:${escapeText(entry.location)}`,
    `GEO:${coordinate(entry.geo.lat)};${coordinate(entry.geo.lng)}`,
    ...(entry.categories.length > 0
      ? [`CATEGORIES:${entry.categories.map(escapeText).join(',')}`]
      : []),
    `STATUS:${entry.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
