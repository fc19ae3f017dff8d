/** Where the suite under test listens and the settings it is started with. */
export const SUITE_GATEWAY_URL = 'http://127.0.0.1:3000';
/**
 * Where the tests send HTTP requests: the gateway, or a validating proxy in front of it
 * (`E2E_GATEWAY_URL`, as tools/contracts/prism-check.sh sets). WebSockets and deliberately
 * malformed bodies, which a proxy cannot pass on, go to SUITE_GATEWAY_URL.
 */
export const GATEWAY_URL = process.env['E2E_GATEWAY_URL'] || SUITE_GATEWAY_URL;
/** `running`: test the suite already started (`npm start`, same settings) instead of starting one. */
export const REUSE_RUNNING_SUITE = process.env['E2E_SUITE'] === 'running';
export const ADMIN_EMAIL = 'admin@e2e.rendezvous.test';
/** The admin's password; a running suite whose admin signed up by hand may say another one. */
export const ADMIN_PASSWORD = process.env['E2E_ADMIN_PASSWORD'] || 'admin-password-1';
export const SUITE_ENV: NodeJS.ProcessEnv = {
  // The benchmarks' smoke run (bench/smoke.e2e-spec.ts) signs in as their own admin.
  ADMIN_EMAILS: `${ADMIN_EMAIL},admin@bench.rendezvous.test`,
  // Each test client sends its own X-Forwarded-For, as clients behind an ingress would arrive.
  TRUST_PROXY: 'loopback',
  RATE_LIMIT_AUTH_PER_MINUTE: '30',
  RATE_LIMIT_PER_MINUTE: '600',
  AUTH_MAX_FAILED_LOGINS: '10',
  LOG_LEVEL: 'info',
  // An hour of suspension lasts 8 s here, so a timed suspension can end within a test.
  MODERATION_HOUR_SECONDS: '8',
  // Services report their stats every 2 s, so a test's events are soon in the reports.
  STATS_REPORT_INTERVAL_SECONDS: '2',
};
