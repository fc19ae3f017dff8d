import type { FieldError } from '@rendezvous/contracts';
import { COMMON_ERRORS, DomainError } from '@rendezvous/contracts';

/** Throws the 400 naming every bad field, when there is any. */
export function assertNoProblems(problems: FieldError[]): void {
  if (problems.length > 0) {
    throw new DomainError(
      COMMON_ERRORS.VALIDATION_FAILED,
      'The request has invalid fields',
      problems,
    );
  }
}
