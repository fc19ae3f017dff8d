/** A parsed iCalendar component (VCALENDAR, VEVENT, ...) with its properties in order. */
export interface IcsComponent {
  name: string;
  properties: { name: string; params: Record<string, string>; value: string }[];
  components: IcsComponent[];
}

const MAX_OCTETS = 75;

/**
 * A strict reader of RFC 5545 text, written for tests independently of any producer: it
 * refuses bare line feeds, physical lines over 75 octets and unbalanced BEGIN/END.
 */
export function parseIcs(text: string): IcsComponent {
  if (!text.endsWith('\r\n')) throw new Error('the calendar must end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  const logical: string[] = [];
  for (const line of physical) {
    if (/[\r\n]/.test(line)) throw new Error(`bare CR or LF in line: ${JSON.stringify(line)}`);
    if (Buffer.byteLength(line, 'utf8') > MAX_OCTETS) {
      throw new Error(`line longer than ${MAX_OCTETS} octets: ${line}`);
    }
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (logical.length === 0) throw new Error('a continuation line cannot come first');
      logical[logical.length - 1] += line.slice(1);
    } else {
      logical.push(line);
    }
  }
  const root: IcsComponent = { name: '', properties: [], components: [] };
  const stack: IcsComponent[] = [root];
  for (const line of logical) {
    const { name, params, value } = contentLine(line);
    const current = stack[stack.length - 1];
    if (name === 'BEGIN') {
      const component: IcsComponent = { name: value.toUpperCase(), properties: [], components: [] };
      current.components.push(component);
      stack.push(component);
    } else if (name === 'END') {
      if (stack.length === 1 || current.name !== value.toUpperCase()) {
        throw new Error(`END:${value} does not close ${current.name || 'anything'}`);
      }
      stack.pop();
    } else {
      if (stack.length === 1) throw new Error(`property ${name} outside any component`);
      current.properties.push({ name, params, value });
    }
  }
  if (stack.length !== 1 || root.components.length !== 1) {
    throw new Error('expected exactly one top-level component, closed');
  }
  return root.components[0];
}

function contentLine(line: string): {
  name: string;
  params: Record<string, string>;
  value: string;
} {
  let inQuotes = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') inQuotes = !inQuotes;
    if (line[i] === ':' && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) throw new Error(`not a content line: ${line}`);
  const [name, ...rawParams] = line.slice(0, colon).split(';');
  if (!/^[A-Za-z0-9-]+$/.test(name)) throw new Error(`bad property name: ${name}`);
  const params: Record<string, string> = {};
  for (const param of rawParams) {
    const [key, ...rest] = param.split('=');
    params[key.toUpperCase()] = rest.join('=');
  }
  return { name: name.toUpperCase(), params, value: line.slice(colon + 1) };
}

/** A TEXT value as written, unescaped (`\\n`, `\\,`, `\\;`, `\\\\`). */
export function unescapeIcsText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_, char: string) =>
    char === 'n' || char === 'N' ? '\n' : char,
  );
}

/** Splits a list value (CATEGORIES) on unescaped commas, each part unescaped. */
export function icsTextList(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\') {
      current += value.slice(i, i + 2);
      i++;
    } else if (value[i] === ',') {
      parts.push(current);
      current = '';
    } else {
      current += value[i];
    }
  }
  parts.push(current);
  return parts.map(unescapeIcsText);
}

/** The value of the first property of that name, or undefined. */
export function icsValue(component: IcsComponent, name: string): string | undefined {
  return component.properties.find((p) => p.name === name)?.value;
}

/** An iCalendar UTC date-time (`20300131T180000Z`) as a Date. */
export function icsUtc(value: string | undefined): Date {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!match) throw new Error(`not a UTC date-time: ${value}`);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}
