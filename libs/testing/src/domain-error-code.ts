import { DomainError } from '@rendezvous/contracts';

/** The code a promise rejects with: undefined when it resolves, a marker for other errors. */
export async function domainErrorCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
}
