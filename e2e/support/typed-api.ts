import { createApiClient } from '@rendezvous/api-client';
import type { RendezvousClient } from '@rendezvous/api-client';
import { expectDocumentedAnswer } from './documented-answers';
import { GATEWAY_URL } from './suite-settings';

/** Who a typed client speaks for, read at each request (tests replace tokens, e.g. on refresh). */
export interface Caller {
  ip: string;
  token?: string;
}

/**
 * A typed client of the public API sending the caller's X-Forwarded-For and bearer token, whose
 * every answer must be one the merged OpenAPI document describes (status, content type, body):
 * an undocumented answer rejects the call, failing the test that made it.
 */
export function typedApi(caller: () => Caller): RendezvousClient {
  const api = createApiClient(GATEWAY_URL);
  api.use({
    onRequest({ request }) {
      const { ip, token } = caller();
      request.headers.set('x-forwarded-for', ip);
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
    async onResponse({ request, response }) {
      await expectDocumentedAnswer(request.method, new URL(request.url).pathname, {
        status: response.status,
        contentType: response.headers.get('content-type'),
        text: await response.clone().text(),
      });
      return undefined;
    },
  });
  return api;
}

interface Answer<D, E> {
  data?: D;
  error?: E;
  response: Response;
}

function expectStatus(answer: Answer<unknown, unknown>, status: number) {
  // The body beside the status makes a failure show what the API said.
  expect({ status: answer.response.status, body: answer.data ?? answer.error }).toMatchObject({
    status,
  });
}

/** The body of a typed call's answer, failing the test unless it came with `status`. */
export function expectData<D, E>(answer: Answer<D, E>, status: number): D {
  expectStatus(answer, status);
  if (answer.data === undefined) throw new Error(`a ${status} answer without a body`);
  return answer.data;
}

/** The problem a typed call was answered with, failing the test unless it came with `status`. */
export function expectProblem<D, E>(answer: Answer<D, E>, status: number): E {
  expectStatus(answer, status);
  if (answer.error === undefined) throw new Error(`a ${status} answer without a problem`);
  return answer.error;
}
