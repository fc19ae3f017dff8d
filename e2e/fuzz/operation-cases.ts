import fc from 'fast-check';
import type { BodyPlan } from './body-cases';
import { bodyArbitraries } from './body-cases';
import type { HeaderPlan } from './header-cases';
import { AUTH_PLANS, HEADER_PLANS, TOKEN } from './header-cases';
import type { IdPool } from './id-pool';
import type { FieldSchema } from './json-schema';
import type { Operation } from './openapi-operations';
import { queryArbitraries } from './query-cases';
import { mutatedIds, mutatedPaths, pathOf, validPath } from './target-cases';

export type Caller = 'attacker' | 'admin' | 'nobody';

/** One request the fuzzer sends, and what the contract says its answer must be. */
export interface FuzzCase {
  label: string;
  method: string;
  /** The request-target as sent. */
  target: string;
  body?: Buffer;
  /** Whose valid token goes in `Authorization` (unless the header plan sets its own). */
  caller: Caller;
  headerPlan?: HeaderPlan;
  /** A 2xx answer would accept something the contract refuses. */
  mustReject: boolean;
  /** The body field or query parameter a 400 must name. */
  faultPath?: string;
  /** The same request without the fault, sent when a 400 names other fields instead. */
  baseline?: { target: string; body?: Buffer };
  /** The plain spelling of an encoded route, asked when the encoded one is not found. */
  plainTarget?: string;
}

const BODY_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
const ODD_METHODS = ['OPTIONS', 'HEAD', 'TRACE', 'PROPFIND', 'FUZZ', 'get', 'CONNECT'];

/** Deleting one's own account ends the attacker's part in the run: only strangers try it. */
export function endsTheCallersAccount(operation: Operation): boolean {
  return operation.method === 'DELETE' && /\/users\/me$/.test(operation.path);
}

function withQuery(path: string, query: string): string {
  return query && !/[?#]/.test(path) ? `${path}?${query}` : path;
}

interface Parts {
  operation: Operation;
  ids: IdPool;
  knownFields: Map<string, FieldSchema>;
}

/** Every kind of request the fuzzer makes of one operation, weighted. */
export function operationCases({ operation, ids, knownFields }: Parts): fc.Arbitrary<FuzzCase> {
  const { method } = operation;
  const sendsBody = BODY_METHODS.includes(method);
  const bodies = bodyArbitraries(operation, knownFields, ids);
  const queries = queryArbitraries(operation, ids);
  // Bodies go to routes without a documented one only as mutations (generic bodies).
  const validBody: fc.Arbitrary<BodyPlan | undefined> =
    sendsBody && operation.takesBody ? bodies.valid : fc.constant(undefined);
  const path = validPath(operation, ids).map(pathOf);
  const validTarget = fc.tuple(path, queries.valid).map(([p, q]) => withQuery(p, q));
  const selfEnding = endsTheCallersAccount(operation);
  const caller = fc.constant<Caller>(selfEnding ? 'nobody' : 'attacker');
  const reader = method === 'GET' ? fc.constantFrom<Caller>('attacker', 'admin') : caller;
  // Where a valid token would delete the attacker, only credentials without one are tried.
  const authPlans = AUTH_PLANS.filter(
    (plan) => !selfEnding || !plan.headers.some(([, value]) => value.includes(TOKEN)),
  );

  const request = (label: string, target: string, body: BodyPlan | undefined, who: Caller) => ({
    label,
    method,
    target,
    body: body?.payload,
    caller: who,
    mustReject: false,
  });

  const kinds: fc.WeightedArbitrary<FuzzCase>[] = [
    {
      weight: 2,
      arbitrary: fc
        .tuple(validTarget, validBody, reader)
        .map(([target, body, who]) =>
          request(body?.label ?? 'valid-looking request', target, body, who),
        ),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(validTarget, validBody, fc.constantFrom(...authPlans))
        .map(([target, body, plan]) => ({
          ...request(plan.label, target, body, 'nobody'),
          headerPlan: plan,
        })),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(validTarget, validBody, caller, fc.constantFrom(...HEADER_PLANS))
        .map(([target, body, who, plan]) => {
          const framed = plan.frame !== undefined || plan.contentType !== undefined;
          return {
            ...request(`header ${plan.label}`, target, body, who),
            body: body?.payload ?? (framed ? Buffer.from('{}') : undefined),
            headerPlan: plan,
          };
        }),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(mutatedPaths(operation, ids), queries.valid, validBody, caller)
        .map(([plan, q, body, who]) => ({
          ...request(plan.label, withQuery(plan.path, q), body, who),
          mustReject: plan.mustReject,
          plainTarget: plan.plainPath === undefined ? undefined : withQuery(plan.plainPath, q),
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(validTarget, fc.constantFrom(...ODD_METHODS), caller)
        .map(([target, odd, who]) => ({
          ...request(`method ${odd}`, target, undefined, who),
          method: odd,
        })),
    },
  ];
  if (sendsBody) {
    kinds.push({
      weight: 8,
      arbitrary: fc.tuple(validTarget, bodies.mutated, caller).map(([target, body, who]) => ({
        ...request(body.label, target, body, who),
        mustReject: body.mustReject,
        faultPath: body.faultPath,
        baseline: body.baseline && { target, body: body.baseline },
      })),
    });
  }
  if (queries.mutated) {
    kinds.push({
      weight: 5,
      arbitrary: fc
        .tuple(path, queries.mutated, validBody, caller)
        .map(([p, query, body, who]) => ({
          ...request(query.label, `${p}?${query.query}`, body, who),
          mustReject: query.mustReject,
          faultPath: query.faultPath,
          baseline:
            query.baseline === undefined
              ? undefined
              : { target: `${p}?${query.baseline}`, body: body?.payload },
        })),
    });
  }
  const badIds = mutatedIds(operation, ids);
  if (badIds) {
    kinds.push({
      weight: 3,
      arbitrary: fc.tuple(badIds, queries.valid, validBody, caller).map(([plan, q, body, who]) => ({
        ...request(plan.label, withQuery(plan.path, q), body, who),
        mustReject: plan.mustReject,
      })),
    });
  }
  return fc.oneof(...kinds);
}
