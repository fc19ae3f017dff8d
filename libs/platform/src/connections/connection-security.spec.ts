import { ConfigError, loadConfig } from '../config/load-config';
import { PlatformConfig } from '../config/platform.config';
import { kafkaSecurity, postgresSsl, redisSecurity } from './connection-security';

const settings = (env: Record<string, string>) =>
  loadConfig(PlatformConfig, { env, envFile: null });
const pem = (setting: string, path: string) => `PEM of ${setting} at ${path}`;

const problemsOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.join('\n');
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('connection security settings', () => {
  it('leave every connection in plain text by default', () => {
    const config = settings({});
    expect(postgresSsl(config, pem)).toBe(false);
    expect(redisSecurity(config, pem)).toEqual({});
    expect(kafkaSecurity(config, pem)).toEqual({});
  });

  it.each([
    ['require', { rejectUnauthorized: false }],
    ['verify-ca', { rejectUnauthorized: true, ca: 'PEM of POSTGRES_SSL_CA_FILE at /ca.pem' }],
    ['verify-full', { rejectUnauthorized: true, ca: 'PEM of POSTGRES_SSL_CA_FILE at /ca.pem' }],
  ])('maps POSTGRES_SSLMODE=%s as libpq does', (mode, expected) => {
    const ssl = postgresSsl(
      settings({ POSTGRES_SSLMODE: mode, POSTGRES_SSL_CA_FILE: '/ca.pem' }),
      pem,
    );
    expect(ssl).toMatchObject(expected);
    const skipsName =
      typeof (ssl as { checkServerIdentity?: unknown }).checkServerIdentity === 'function';
    expect(skipsName).toBe(mode === 'verify-ca');
  });

  it('refuses an sslmode libpq does not have', () => {
    expect(problemsOf(() => settings({ POSTGRES_SSLMODE: 'prefer' }))).toMatch(/POSTGRES_SSLMODE/);
  });

  it('gives Redis an ACL user and TLS with the CA for rediss://, and refuses a CA without TLS', () => {
    const config = settings({
      REDIS_URL: 'rediss://redis.example:6380',
      REDIS_USERNAME: 'rendezvous',
      REDIS_PASSWORD: 'pw',
      REDIS_TLS_CA_FILE: '/redis-ca.pem',
    });
    expect(redisSecurity(config, pem)).toEqual({
      username: 'rendezvous',
      password: 'pw',
      tls: { ca: 'PEM of REDIS_TLS_CA_FILE at /redis-ca.pem' },
    });
    expect(
      problemsOf(() => redisSecurity(settings({ REDIS_TLS_CA_FILE: '/redis-ca.pem' }), pem)),
    ).toMatch(/REDIS_TLS_CA_FILE: only used with a rediss:\/\//);
  });

  it.each(['plain', 'scram-sha-256', 'scram-sha-512'])(
    'gives every Kafka client SASL %s over TLS',
    (mechanism) => {
      const config = settings({
        KAFKA_SSL: 'true',
        KAFKA_SSL_CA_FILE: '/kafka-ca.pem',
        KAFKA_SSL_CERT_FILE: '/client.pem',
        KAFKA_SSL_KEY_FILE: '/client.key',
        KAFKA_SASL_MECHANISM: mechanism,
        KAFKA_SASL_USERNAME: 'svc',
        KAFKA_SASL_PASSWORD: 'pw',
      });
      expect(kafkaSecurity(config, pem)).toEqual({
        ssl: {
          rejectUnauthorized: true,
          ca: 'PEM of KAFKA_SSL_CA_FILE at /kafka-ca.pem',
          cert: 'PEM of KAFKA_SSL_CERT_FILE at /client.pem',
          key: 'PEM of KAFKA_SSL_KEY_FILE at /client.key',
        },
        sasl: { mechanism, username: 'svc', password: 'pw' },
      });
    },
  );

  it('names what is missing from a Kafka setup, never a value', () => {
    const problems = problemsOf(() =>
      kafkaSecurity(
        settings({
          KAFKA_SSL_CERT_FILE: '/client.pem',
          KAFKA_SASL_MECHANISM: 'scram-sha-512',
          KAFKA_SASL_PASSWORD: 'topsecret',
        }),
        pem,
      ),
    );
    expect(problems).toMatch(/KAFKA_SSL_CERT_FILE: a client certificate needs KAFKA_SSL_KEY_FILE/);
    expect(problems).toMatch(/KAFKA_SSL: certificate files are set but KAFKA_SSL is not true/);
    expect(problems).toMatch(/KAFKA_SASL_MECHANISM: scram-sha-512 needs KAFKA_SASL_USERNAME/);
    expect(problems).not.toContain('topsecret');
  });

  it('names the setting whose file cannot be read', () => {
    const config = settings({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: '/nonexistent/ca.pem' });
    expect(problemsOf(() => kafkaSecurity(config))).toMatch(
      /KAFKA_SSL_CA_FILE: cannot read \/nonexistent\/ca.pem/,
    );
  });
});
