import { newClientIp } from '../support/api-client';
import type { Header } from './header-cases';
import type { IdPool } from './id-pool';
import { TOKEN, presentsValidToken } from './header-cases';
import type { Operation } from './openapi-operations';
import type { FuzzCase } from './operation-cases';
import type { RawOutcome, RawRequest } from './raw-http';
import { sendRaw } from './raw-http';
import type { Violation } from './response-checks';
import { checkOutcome, namesOnlyOtherFields, sentBody } from './response-checks';

/** The tokens requests are made with: attackers in turn (each has its own rate limit), an admin. */
export interface Tokens {
  attackers: string[];
  admin: string;
}

const has = (headers: Header[], name: string) =>
  headers.some(([header]) => header.toLowerCase() === name.toLowerCase());

function rawRequest(fuzzCase: FuzzCase, token: string): RawRequest {
  const plan = fuzzCase.headerPlan;
  const own = (plan?.headers ?? []).map(([name, value]): Header => [
    name,
    value.split(TOKEN).join(token),
  ]);
  const headers: Header[] = [];
  if (!has(own, 'x-forwarded-for')) headers.push(['X-Forwarded-For', newClientIp()]);
  if (fuzzCase.caller !== 'nobody' && !plan?.customAuth)
    headers.push(['Authorization', `Bearer ${token}`]);
  headers.push(...own);
  let payload = fuzzCase.body;
  if (payload) {
    const type = plan?.contentType === undefined ? 'application/json' : plan.contentType;
    if (type !== null) headers.push(['Content-Type', type]);
    const framed = plan?.frame?.(payload);
    headers.push(...(framed?.headers ?? [['Content-Length', String(payload.length)]]));
    payload = framed?.payload ?? payload;
  }
  if (!has(headers, 'connection')) headers.push(['Connection', 'close']);
  return {
    method: fuzzCase.method,
    target: fuzzCase.target,
    headers,
    body: payload,
    omitHost: plan?.omitHost,
  };
}

function presentsToken(fuzzCase: FuzzCase): boolean {
  const plan = fuzzCase.headerPlan;
  if (plan?.customAuth) return presentsValidToken(plan);
  return fuzzCase.caller !== 'nobody';
}

/** Sends cases, checks every answer and keeps the count of what came back. */
export class CaseRunner {
  readonly violations: Violation[] = [];
  readonly statuses = new Map<string, number>();
  /** Routes that answered at least one request with a 2xx: the fuzzing got past the checks. */
  readonly accepted = new Set<string>();
  requests = 0;
  serverErrors = 0;

  private turn = 0;

  constructor(
    private readonly origin: { host: string; port: number },
    private readonly tokens: Tokens,
    private readonly ids: IdPool,
    private readonly timeoutMs: number,
  ) {}

  /** The attacker who owns an object the request names, else the next one in turn. */
  private attackerFor(fuzzCase: FuzzCase): number {
    const body =
      fuzzCase.body && fuzzCase.body.length < SCANNED_BODY ? fuzzCase.body.toString() : '';
    return (
      this.ids.ownerIn(`${fuzzCase.target} ${body}`) ?? this.turn++ % this.tokens.attackers.length
    );
  }

  async run(operation: Operation, fuzzCase: FuzzCase): Promise<void> {
    const attacker = this.attackerFor(fuzzCase);
    const token = fuzzCase.caller === 'admin' ? this.tokens.admin : this.tokens.attackers[attacker];
    const outcome = await this.send(operation, fuzzCase, token);
    if (fuzzCase.caller === 'attacker') this.harvest(operation, outcome, attacker);
    await this.comparePlainSpelling(operation, fuzzCase, token, outcome);
    if (!fuzzCase.baseline || !namesOnlyOtherFields(outcome, fuzzCase)) return;
    const { target, body } = fuzzCase.baseline;
    const baseline = await this.send(
      operation,
      {
        ...fuzzCase,
        label: `${fuzzCase.label} (baseline)`,
        target,
        body,
        mustReject: false,
        faultPath: undefined,
      },
      token,
    );
    if (baseline.kind === 'answer' && ACCEPTED_BASELINE.test(String(baseline.status))) {
      this.violations.push({
        ...violationOf(outcome, fuzzCase, operation),
        rule: `400 whose errors name other fields, not the one at fault (${fuzzCase.faultPath})`,
      });
    }
  }

  /** An encoded spelling of a route is the same route: it is not "not found" when the plain one is found. */
  private async comparePlainSpelling(
    operation: Operation,
    fuzzCase: FuzzCase,
    token: string,
    outcome: RawOutcome,
  ): Promise<void> {
    if (
      !fuzzCase.plainTarget ||
      outcome.kind !== 'answer' ||
      !NOT_THERE.test(String(outcome.status))
    ) {
      return;
    }
    const plain = await this.send(
      operation,
      { ...fuzzCase, label: `${fuzzCase.label} (plain spelling)`, target: fuzzCase.plainTarget },
      token,
    );
    if (plain.kind === 'answer' && !NOT_THERE.test(String(plain.status))) {
      this.violations.push({
        ...violationOf(outcome, fuzzCase, operation),
        rule: `an encoded spelling of the route answers ${outcome.status} where the plain one answers ${plain.status}`,
      });
    }
  }

  /** Keeps the id of what an attacker's request created, for later requests to use. */
  private harvest(operation: Operation, outcome: RawOutcome, attacker: number): void {
    if (operation.method !== 'POST' || outcome.kind !== 'answer' || outcome.status !== 201) return;
    let created: unknown;
    try {
      created = JSON.parse(outcome.body);
    } catch {
      return;
    }
    if (typeof created !== 'object' || created === null) return;
    const fields = Object.entries(created as Record<string, unknown>);
    const [key, id] =
      fields.find(([name]) => name === 'id') ??
      fields.find(([name]) => /^(?!user)\w+Id$/.test(name)) ??
      [];
    if (typeof key !== 'string' || typeof id !== 'string') return;
    const collection =
      operation.path
        .split('/')
        .filter((segment) => !segment.startsWith('{'))
        .at(-1) ?? '';
    this.ids.harvest(key === 'id' ? collection.replace(/s$/, '') : key.slice(0, -2), id, attacker);
  }

  private async send(operation: Operation, fuzzCase: FuzzCase, token: string): Promise<RawOutcome> {
    const outcome = await sendRaw(this.origin, rawRequest(fuzzCase, token), this.timeoutMs);
    this.requests += 1;
    const status = outcome.kind === 'answer' ? String(outcome.status) : 'none';
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (outcome.kind === 'answer' && outcome.status >= 500) this.serverErrors += 1;
    if (outcome.kind === 'answer' && outcome.status >= 200 && outcome.status < 300) {
      this.accepted.add(routeOf(operation));
    }
    this.violations.push(
      ...checkOutcome(outcome, {
        fuzzCase,
        route: routeOf(operation),
        tokenless: operation.secured && !presentsToken(fuzzCase),
      }),
    );
    return outcome;
  }
}

// The request without its fault got past validation: the rest of it was not at fault.
const ACCEPTED_BASELINE = /^(2\d\d|403|404|409)$/;

// Answers that say the router did not take the path for this route.
const NOT_THERE = /^(400|404|405)$/;

// Bodies larger than this are not searched for ids (they are the oversized ones).
const SCANNED_BODY = 16_384;

const routeOf = (operation: Operation) => `${operation.method} ${operation.path}`;

function violationOf(outcome: RawOutcome, fuzzCase: FuzzCase, operation: Operation): Violation {
  return {
    rule: '',
    route: routeOf(operation),
    method: fuzzCase.method,
    target: fuzzCase.target,
    input: fuzzCase.label,
    status: outcome.kind === 'answer' ? outcome.status : undefined,
    body: outcome.kind === 'answer' ? outcome.body.slice(0, 300) : outcome.reason,
    sent: sentBody(fuzzCase),
  };
}
