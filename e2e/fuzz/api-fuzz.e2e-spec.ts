import fc from 'fast-check';
import { GATEWAY_URL } from '../support/suite-settings';
import { CaseRunner } from './case-runner';
import { fieldSlots } from './field-mutations';
import { setUpParties } from './fuzz-parties';
import {
  FUZZ_ATTACKERS,
  FUZZ_CONCURRENCY,
  FUZZ_RUNS,
  FUZZ_SECONDS,
  FUZZ_SEED,
  MIN_ROUTE_MS,
  REQUEST_TIMEOUT_MS,
} from './fuzz-settings';
import type { Operation } from './openapi-operations';
import { fetchApiDocument } from './openapi-operations';
import { operationCases } from './operation-cases';
import type { Violation } from './response-checks';
import { settledSnapshot, snapshotVictim, victimChanges } from './victim-snapshot';
import { formatGroups, groupViolations, ruleSummary } from './violation-report';

const gateway = new URL(GATEWAY_URL);
const origin = { host: gateway.hostname, port: Number(gateway.port) };

describe('API fuzzing from the OpenAPI document', () => {
  it(
    'answers every generated request within the contract and leaves other people’s objects alone',
    async () => {
      const document = await fetchApiDocument(GATEWAY_URL);
      const { operations, knownFields } = document;
      const parties = await setUpParties(FUZZ_ATTACKERS);
      const before = await settledSnapshot(parties.victim, parties.owned);
      const runner = new CaseRunner(
        origin,
        {
          attackers: parties.attackers.map((attacker) => attacker.token),
          admin: parties.admin.token ?? '',
        },
        parties.ids,
        REQUEST_TIMEOUT_MS,
      );
      const fields = operations.reduce(
        (sum, op) => sum + (op.body ? fieldSlots(op.body).length : 0),
        0,
      );
      const params = operations.reduce(
        (sum, op) => sum + op.queryParams.length + op.pathParams.length,
        0,
      );
      console.log(
        `fuzz: seed ${FUZZ_SEED} (replay with FUZZ_SEED=${FUZZ_SEED}); ${operations.length} operations, ` +
          `${fields} body fields, ${params} parameters from /docs-json; ${FUZZ_SECONDS} s`,
      );

      const started = Date.now();
      const deadline = started + FUZZ_SECONDS * 1000;
      const share = (FUZZ_SECONDS * 1000 * FUZZ_CONCURRENCY) / Math.max(operations.length, 1);
      const failures: Violation[] = [];
      const queue = operations.map((operation, index) => ({ operation, seed: FUZZ_SEED + index }));
      const fuzz = async ({ operation, seed }: { operation: Operation; seed: number }) => {
        const timeLimit = Math.max(MIN_ROUTE_MS, Math.min(share, deadline - Date.now()));
        try {
          await fc.assert(
            fc.asyncProperty(
              operationCases({ operation, ids: parties.ids, knownFields }),
              (fuzzCase) => runner.run(operation, fuzzCase),
            ),
            { seed, numRuns: FUZZ_RUNS, plugins: [fc.interruptAfterTimeLimit(timeLimit)] },
          );
        } catch (error) {
          failures.push({
            rule: 'the fuzzer failed on this route',
            route: `${operation.method} ${operation.path}`,
            method: operation.method,
            target: operation.path,
            input: `seed ${seed}`,
            body: error instanceof Error ? error.message : String(error),
          });
        }
      };
      await Promise.all(
        Array.from({ length: FUZZ_CONCURRENCY }, async () => {
          for (let next = queue.shift(); next; next = queue.shift()) await fuzz(next);
        }),
      );
      const seconds = Math.round((Date.now() - started) / 1000);

      const after = await snapshotVictim(parties.victim, parties.owned);
      const violations = [
        ...runner.violations,
        ...failures,
        ...victimChanges(before, after, parties.owned),
      ];
      const groups = groupViolations(violations);
      const statuses = [...runner.statuses.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([status, count]) => `${status}: ${count}`)
        .join(', ');
      console.log(
        `fuzz: ${runner.requests} requests, ${runner.serverErrors} 5xx, ${violations.length} problems ` +
          `in ${groups.length} groups; ${seconds} s; seed ${FUZZ_SEED}\n` +
          `fuzz: statuses ${statuses}\n${ruleSummary(violations)}`,
      );
      const neverAccepted = operations
        .map((operation) => `${operation.method} ${operation.path}`)
        .filter((route) => !runner.accepted.has(route));
      console.log(`fuzz: routes that accepted no request: ${neverAccepted.join(', ') || 'none'}`);
      if (violations.length > 0) {
        throw new Error(
          `${violations.length} answers broke the contract (seed ${FUZZ_SEED}):\n${formatGroups(groups)}`,
        );
      }
    },
    FUZZ_SECONDS * 1000 + 180_000,
  );
});
