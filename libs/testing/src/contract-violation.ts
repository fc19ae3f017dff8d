/**
 * Something a test observed breaks a published contract (the AsyncAPI or OpenAPI document).
 * `waitFor` rethrows it at once: waiting longer cannot make it conform.
 */
export class ContractViolation extends Error {
  override name = 'ContractViolation';
}
