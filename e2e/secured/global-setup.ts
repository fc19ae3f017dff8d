import { startSuite } from '../support/global-setup';
import { SUITE_ENV } from '../support/suite-settings';
import { securedInfra, securedSettings } from './secured-infra';

/** Brings up the secured infrastructure and starts the whole suite against it alone. */
export default async function globalSetup(): Promise<void> {
  securedInfra('up');
  try {
    await startSuite({ ...SUITE_ENV, ...securedSettings() });
  } catch (error) {
    securedInfra('down');
    throw error;
  }
}
