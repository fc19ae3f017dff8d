import type { Violation } from './response-checks';

/** Violations of one rule, with one status, for one kind of input, wherever they happened. */
export interface ViolationGroup {
  rule: string;
  status?: number;
  /** The input with the field name taken out: `body field: NUL inside`. */
  input: string;
  count: number;
  /** Route, and field where one was mutated: `POST /api/v1/events · title`. */
  places: Set<string>;
  example: Violation;
}

const MAX_PLACES = 8;
const MAX_TARGET = 160;

/** Splits `body title: NUL inside` into the kind of input and the field it went into. */
function inputClass(input: string): { input: string; field?: string } {
  const match = /^(body|query) ([^:]+): (.*)$/.exec(input);
  return match ? { input: `${match[1]} field: ${match[3]}`, field: match[2] } : { input };
}

/** Violations folded by rule, status and kind of input; the most frequent first within a rule. */
export function groupViolations(violations: Violation[]): ViolationGroup[] {
  const groups = new Map<string, ViolationGroup>();
  for (const violation of violations) {
    const { input, field } = inputClass(violation.input);
    const key = [violation.rule, violation.status ?? '', input].join('\u0000');
    const group = groups.get(key) ?? {
      rule: violation.rule,
      status: violation.status,
      input,
      count: 0,
      places: new Set<string>(),
      example: violation,
    };
    group.count += 1;
    group.places.add(field ? `${violation.route} · ${field}` : violation.route);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.rule.localeCompare(b.rule) || b.count - a.count);
}

const shorten = (text: string, length: number) =>
  text.length > length ? `${text.slice(0, length)}… (${text.length} chars)` : text;

/** One readable block per group: rule, status, input, where, and one example request. */
export function formatGroups(groups: ViolationGroup[]): string {
  return groups
    .map((group) => {
      const { example } = group;
      const places = [...group.places];
      const more = places.length > MAX_PLACES ? ` and ${places.length - MAX_PLACES} more` : '';
      return [
        `✗ ${group.rule} → ${group.status ?? 'no answer'} (×${group.count}) for ${shorten(group.input, 100)}`,
        `    at: ${places.slice(0, MAX_PLACES).join('; ')}${more}`,
        `    e.g. ${example.method} ${shorten(JSON.stringify(example.target).slice(1, -1), MAX_TARGET)}`,
        ...(example.sent
          ? [`    sent: ${shorten(JSON.stringify(example.sent).slice(1, -1), 160)}`]
          : []),
        ...(example.body ? [`    answer: ${shorten(example.body, 240)}`] : []),
      ].join('\n');
    })
    .join('\n');
}

/** Rule by rule: how many answers broke it, over how many routes. */
export function ruleSummary(violations: Violation[]): string {
  const rules = new Map<string, { count: number; routes: Set<string> }>();
  for (const violation of violations) {
    const rule = rules.get(violation.rule) ?? { count: 0, routes: new Set<string>() };
    rule.count += 1;
    rule.routes.add(violation.route);
    rules.set(violation.rule, rule);
  }
  return [...rules.entries()]
    .sort((a, b) => b[1].count - a[1].count)
    .map(([rule, { count, routes }]) => `  ${count} × ${rule} (${routes.size} routes)`)
    .join('\n');
}
