import globalTeardown from '../support/global-teardown';
import { securedInfra } from './secured-infra';

/** Stops the suite, then the secured infrastructure (removing its data, CA and passwords). */
export default async function securedTeardown(): Promise<void> {
  await globalTeardown();
  securedInfra('down');
}
