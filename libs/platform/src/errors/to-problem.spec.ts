import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';
import { toProblem } from './to-problem';

const TRACE = 'a'.repeat(32);

describe(toProblem.name, () => {
  it('maps a domain error to its status, namespaced code and problem type', () => {
    const { problem, unexpected } = toProblem(
      new DomainError(COMMON_ERRORS.CONFLICT, 'Already there'),
      TRACE,
    );
    expect(problem).toEqual({
      type: 'urn:rendezvous:problem:COMMON.CONFLICT',
      title: 'Conflict',
      status: 409,
      detail: 'Already there',
      code: 'COMMON.CONFLICT',
      traceId: TRACE,
    });
    expect(unexpected).toBe(false);
  });

  it('keeps one entry per bad field and the Retry-After of rate limits', () => {
    const errors = [{ path: 'email', message: 'email must be an email' }];
    expect(
      toProblem(new DomainError(COMMON_ERRORS.VALIDATION_FAILED, 'bad', errors), TRACE).problem
        .errors,
    ).toEqual(errors);
    expect(
      toProblem(new DomainError(COMMON_ERRORS.RATE_LIMITED, 'slow down', undefined, 30), TRACE)
        .retryAfterSeconds,
    ).toBe(30);
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND', () => {
    const { problem } = toProblem(new NotFoundException('Cannot GET /nope'), TRACE);
    expect(problem.status).toBe(404);
    expect(problem.code).toBe(COMMON_ERRORS.ROUTE_NOT_FOUND);
  });

  it('recognises malformed JSON and oversized bodies wrapped by the Fastify adapter', () => {
    const invalidJson = Object.assign(new Error('Body is not valid JSON'), {
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
      statusCode: 400,
    });
    const tooLarge = Object.assign(new Error('too large'), {
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      statusCode: 413,
    });
    expect(
      toProblem(new BadRequestException(invalidJson.message, { cause: invalidJson }), TRACE).problem
        .code,
    ).toBe(COMMON_ERRORS.MALFORMED_JSON);
    expect(
      toProblem(new HttpException('too large', 413, { cause: tooLarge }), TRACE).problem,
    ).toMatchObject({
      status: 413,
      code: COMMON_ERRORS.PAYLOAD_TOO_LARGE,
    });
  });

  it('hides the details of an unexpected error behind a 500 and flags it for logging', () => {
    const { problem, unexpected } = toProblem(
      new Error('connection string postgres://secret'),
      TRACE,
    );
    expect(problem.status).toBe(500);
    expect(problem.code).toBe(COMMON_ERRORS.INTERNAL);
    expect(JSON.stringify(problem)).not.toContain('secret');
    expect(unexpected).toBe(true);
  });

  it('answers an exhausted connection pool with a 503 to retry shortly, not a 500', () => {
    const { problem, retryAfterSeconds, unexpected } = toProblem(
      new Error('timeout exceeded when trying to connect'),
      TRACE,
    );
    expect(problem.status).toBe(503);
    expect(problem.code).toBe(COMMON_ERRORS.SERVICE_UNAVAILABLE);
    expect(retryAfterSeconds).toBe(1);
    expect(unexpected).toBe(true);
  });
});
