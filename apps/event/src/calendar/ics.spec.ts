import { icsTextList, icsUtc, icsValue, parseIcs, unescapeIcsText } from '@rendezvous/testing';
import type { CalendarEntry } from './ics';
import { calendarOf, escapeText, foldLine, icsDateTime } from './ics';

const entry = (overrides: Partial<CalendarEntry> = {}): CalendarEntry => ({
  uid: '5b0c3b8e-2f9a-4c39-9d55-0b1d3f7e1a00@rendezvous',
  stamp: new Date('2030-06-01T09:30:00.456Z'),
  created: new Date('2030-05-01T08:00:00Z'),
  lastModified: new Date('2030-05-02T08:00:00Z'),
  startsAt: new Date('2030-06-16T18:00:00Z'),
  endsAt: new Date('2030-06-16T20:30:00Z'),
  summary: 'Rust, Go; and C\\C++',
  description: 'Line one\nLine two',
  location: 'Station F, Paris',
  geo: { lat: 48.834312, lng: 2.371345 },
  categories: ['networking', 'rust,go'],
  cancelled: false,
  sequence: 2,
  ...overrides,
});

describe(calendarOf.name, () => {
  it('writes one VEVENT that a strict reader parses back to the same values', () => {
    const text = calendarOf(entry());
    const calendar = parseIcs(text);
    expect(calendar.name).toBe('VCALENDAR');
    expect(icsValue(calendar, 'VERSION')).toBe('2.0');
    expect(icsValue(calendar, 'PRODID')).toBeDefined();
    const [event] = calendar.components;
    expect(event.name).toBe('VEVENT');
    expect(icsValue(event, 'UID')).toBe(entry().uid);
    expect(icsValue(event, 'DTSTAMP')).toBe('20300601T093000Z');
    expect(icsUtc(icsValue(event, 'DTSTART'))).toEqual(entry().startsAt);
    expect(icsUtc(icsValue(event, 'DTEND'))).toEqual(entry().endsAt);
    expect(unescapeIcsText(icsValue(event, 'SUMMARY') ?? '')).toBe('Rust, Go; and C\\C++');
    expect(unescapeIcsText(icsValue(event, 'DESCRIPTION') ?? '')).toBe('Line one\nLine two');
    expect(unescapeIcsText(icsValue(event, 'LOCATION') ?? '')).toBe('Station F, Paris');
    expect(icsValue(event, 'GEO')).toBe('48.834312;2.371345');
    expect(icsTextList(icsValue(event, 'CATEGORIES') ?? '')).toEqual(['networking', 'rust,go']);
    expect(icsValue(event, 'STATUS')).toBe('CONFIRMED');
    expect(icsValue(event, 'SEQUENCE')).toBe('2');
  });

  it('marks a cancelled event and leaves out an empty description', () => {
    const [event] = parseIcs(calendarOf(entry({ cancelled: true, description: '' }))).components;
    expect(icsValue(event, 'STATUS')).toBe('CANCELLED');
    expect(icsValue(event, 'DESCRIPTION')).toBeUndefined();
  });

  it('ends every line with CRLF and folds long values without losing characters', () => {
    const summary = `${'Ünïcödé 🎉 '.repeat(20)}end`;
    const text = calendarOf(entry({ summary }));
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    const [event] = parseIcs(text).components;
    expect(unescapeIcsText(icsValue(event, 'SUMMARY') ?? '')).toBe(summary);
  });
});

describe(foldLine.name, () => {
  it('leaves a line of exactly 75 octets alone and folds the 76th onto a continuation', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('never splits a multi-byte character', () => {
    const folded = foldLine(`${'x'.repeat(74)}é`);
    expect(folded).toBe(`${'x'.repeat(74)}\r\n é`);
  });
});

describe(escapeText.name, () => {
  it('escapes backslashes, commas, semicolons and line breaks and drops control characters', () => {
    expect(escapeText('a\\b,c;d\r\ne\nf\u0007g\th')).toBe('a\\\\b\\,c\\;d\\ne\\nfg\th');
  });
});

describe(icsDateTime.name, () => {
  it('writes UTC date-times without separators or fractions', () => {
    expect(icsDateTime(new Date('2030-01-02T03:04:05.678Z'))).toBe('20300102T030405Z');
  });
});
