import type { FieldError } from '@rendezvous/contracts';
import { invalidFields } from '@rendezvous/platform';

/** Throws the 400 naming every bad field, when there is any. */
export function assertNoProblems(problems: FieldError[]): void {
  if (problems.length > 0) {
    throw invalidFields(problems);
  }
}
