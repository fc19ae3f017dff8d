import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Module } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { waitFor } from '@rendezvous/testing';
import { PlatformModule } from '../src';
import { loadConfig } from '../src/config/load-config';
import { PlatformConfig } from '../src/config/platform.config';
import { kafkaSecurity } from '../src/connections/connection-security';
import { createKafka } from '../src/kafka/kafka-client';
import { bootApp, errorFor } from './support/booting-app';
import { freePort, testCertificates } from './support/tls-certificates';

/** The broker jars tools/kafka/kafka.sh fetched (the local broker runs from them too). */
const KAFKA_LIBS = resolve(__dirname, '../../../.local/kafka/libs');
const CLUSTER_ID = 'Q2VjdXJlZEJyb2tlclRzdA';
const SCRAM_PASSWORD = 'scram-secret';
const PLAIN_PASSWORD = 'plain-secret';
const silent = {
  error: () => undefined,
  warn: () => undefined,
  log: () => undefined,
  debug: () => undefined,
};

const portOpen = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => done(socket.destroy() !== undefined));
    socket.once('error', () => done(false));
  });

class TestConfig extends PlatformConfig {}

@Module({ imports: [PlatformModule.forRoot({ service: 'reco', config: TestConfig, topics: [] })] })
class KafkaApp {}

/**
 * A broker of the test's own with only a SASL_SSL listener for clients (SCRAM-SHA-512 users made
 * by Kafka's own storage tool, PLAIN from its JAAS settings, a certificate from a test CA), as a
 * managed Kafka is: every client the platform makes connects with the settings, and a wrong
 * password or an untrusted CA is refused.
 */
describe('Kafka over SASL_SSL', () => {
  let broker: ChildProcess;
  let port: number;
  let trusted: string;
  let untrusted: string;
  let passwordFile: string;
  const clients: Array<{ disconnect(): Promise<void> }> = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kafka-sasl-ssl-'));
    const own = testCertificates(dir, 'own');
    trusted = own.ca;
    untrusted = testCertificates(dir, 'other').ca;
    const keystore = join(dir, 'keystore.pem');
    writeFileSync(keystore, readFileSync(own.key, 'utf8') + readFileSync(own.cert, 'utf8'));
    passwordFile = join(dir, 'password');
    writeFileSync(passwordFile, `${SCRAM_PASSWORD}\n`);
    const [client, controller, internal] = [await freePort(), await freePort(), await freePort()];
    port = client;
    const properties = join(dir, 'server.properties');
    writeFileSync(
      properties,
      [
        'process.roles=broker,controller',
        'node.id=1',
        `controller.quorum.voters=1@127.0.0.1:${controller}`,
        `listeners=SASL_SSL://127.0.0.1:${client},CONTROLLER://127.0.0.1:${controller},INTERNAL://127.0.0.1:${internal}`,
        `advertised.listeners=SASL_SSL://127.0.0.1:${client},INTERNAL://127.0.0.1:${internal}`,
        'controller.listener.names=CONTROLLER',
        'inter.broker.listener.name=INTERNAL',
        'listener.security.protocol.map=CONTROLLER:PLAINTEXT,INTERNAL:PLAINTEXT,SASL_SSL:SASL_SSL',
        `log.dirs=${join(dir, 'data')}`,
        'offsets.topic.replication.factor=1',
        'offsets.topic.num.partitions=1',
        'transaction.state.log.replication.factor=1',
        'transaction.state.log.min.isr=1',
        'share.coordinator.state.topic.replication.factor=1',
        'share.coordinator.state.topic.min.isr=1',
        'group.initial.rebalance.delay.ms=0',
        'auto.create.topics.enable=false',
        'sasl.enabled.mechanisms=SCRAM-SHA-512,PLAIN',
        'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;',
        `listener.name.sasl_ssl.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required user_rendezvous="${PLAIN_PASSWORD}";`,
        'listener.name.sasl_ssl.ssl.keystore.type=PEM',
        `listener.name.sasl_ssl.ssl.keystore.location=${keystore}`,
      ].join('\n'),
    );
    const java = (main: string, ...args: string[]) => [
      '-Xms64m',
      '-Xmx384m',
      '-cp',
      `${KAFKA_LIBS}/*`,
      `-Dlog4j2.configurationFile=${resolve(__dirname, '../../../tools/kafka/log4j2.properties')}`,
      `-Dkafka.logs.dir=${join(dir, 'logs')}`,
      main,
      ...args,
    ];
    execFileSync(
      'java',
      java(
        'kafka.tools.StorageTool',
        'format',
        '-t',
        CLUSTER_ID,
        '-c',
        properties,
        '--add-scram',
        `SCRAM-SHA-512=[name=rendezvous,password=${SCRAM_PASSWORD}]`,
      ),
      { stdio: 'ignore' },
    );
    broker = spawn('java', java('kafka.Kafka', properties), { stdio: 'ignore' });
    await waitFor(() => portOpen(port), {
      timeoutMs: 60_000,
      intervalMs: 250,
      message: 'the SASL_SSL broker to listen',
    });
  }, 90_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.disconnect().catch(() => undefined)));
    broker?.kill('SIGKILL');
  });

  const kafkaWith = (env: Record<string, string>): Kafka => {
    const config = loadConfig(PlatformConfig, {
      env: {
        KAFKA_BROKERS: `127.0.0.1:${port}`,
        KAFKA_SSL: 'true',
        KAFKA_SASL_USERNAME: 'rendezvous',
        ...env,
      },
      envFile: null,
    });
    return createKafka({
      brokers: config.KAFKA_BROKERS,
      clientId: 'sasl-ssl-test',
      logger: silent,
      security: kafkaSecurity(config),
    });
  };

  it('creates a topic and carries an event through with SCRAM-SHA-512, the password from a file', async () => {
    const kafka = kafkaWith({
      KAFKA_SSL_CA_FILE: trusted,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_PASSWORD_FILE: passwordFile,
    });
    const admin = kafka.admin();
    clients.push(admin);
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: 'secured.round-trip', numPartitions: 1 }],
      waitForLeaders: true,
    });

    const producer = kafka.producer();
    const consumer = kafka.consumer({
      groupId: 'sasl-ssl-test',
      sessionTimeout: 6_000,
      heartbeatInterval: 500,
    });
    clients.push(producer, consumer);
    await Promise.all([producer.connect(), consumer.connect()]);
    await consumer.subscribe({ topic: 'secured.round-trip', fromBeginning: true });
    const received = new Promise<string>((done) => {
      void consumer.run({ eachMessage: async ({ message }) => done(String(message.value)) });
    });
    await producer.send({
      topic: 'secured.round-trip',
      messages: [{ key: 'k', value: 'over TLS' }],
    });
    await expect(received).resolves.toBe('over TLS');
  }, 60_000);

  it('connects with PLAIN', async () => {
    const admin = kafkaWith({
      KAFKA_SSL_CA_FILE: trusted,
      KAFKA_SASL_MECHANISM: 'plain',
      KAFKA_SASL_PASSWORD: PLAIN_PASSWORD,
    }).admin();
    clients.push(admin);
    await admin.connect();
    await expect(admin.listTopics()).resolves.toContain('secured.round-trip');
  });

  it('is refused with a wrong password', async () => {
    const admin = kafkaWith({
      KAFKA_SSL_CA_FILE: trusted,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_PASSWORD: 'wrong',
    }).admin();
    clients.push(admin);
    await expect(admin.connect()).rejects.toThrow(
      /SASL SCRAM SHA512 authentication failed|Authentication failed/i,
    );
  });

  it('refuses a broker whose certificate another CA signed', async () => {
    const admin = kafkaWith({
      KAFKA_SSL_CA_FILE: untrusted,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_PASSWORD: SCRAM_PASSWORD,
    }).admin();
    clients.push(admin);
    await expect(admin.connect()).rejects.toThrow(
      /self[- ]signed certificate|unable to verify|certificate/i,
    );
  });

  it('keeps an app booting on it unready, naming kafka and the refusal, while the password is wrong', async () => {
    const app = await bootApp(KafkaApp, {
      KAFKA_BROKERS: `127.0.0.1:${port}`,
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: trusted,
      KAFKA_SASL_USERNAME: 'rendezvous',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_PASSWORD: 'wrong',
    });
    try {
      const ready = await app.readyWhen(
        (answer) => /authentication failed/i.test(errorFor(answer, 'kafka')?.message ?? ''),
        'readiness to name the refused Kafka password',
      );
      expect(ready).toMatchObject({ status: 503, body: { checks: { kafka: 'down' } } });
    } finally {
      await app.stop();
    }
  });
});
