import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { asyncApiDocument } from '@rendezvous/asyncapi';
import type { ServiceName } from '@rendezvous/contracts';
import { parse } from 'yaml';
import type { GatewayConfig } from '../config';
import { SUBSCRIPTIONS } from './asyncapi-subscriptions';
import { EventsDocsController } from './events-docs.controller';

interface Served {
  channels: Record<string, { address: string }>;
  operations: Record<
    string,
    {
      action: string;
      channel: { $ref: string };
      bindings: { kafka: { clientId: { const: string } } };
    }
  >;
}

const config = { KAFKA_PARTITIONS: 12, KAFKA_REPLICATION_FACTOR: 3 } as GatewayConfig;
const served = parse(new EventsDocsController(config).events()) as Served;

describe(EventsDocsController.name, () => {
  it('serves the document as YAML with the deployment’s partitions, replication and consumers', () => {
    expect(served).toEqual(
      asyncApiDocument({
        topology: { partitions: 12, replicationFactor: 3 },
        subscriptions: SUBSCRIPTIONS,
      }),
    );
  });

  it("documents each service's consumer group on exactly the topics it subscribes to", () => {
    const received: Record<string, string[]> = {};
    for (const op of Object.values(served.operations)) {
      if (op.action !== 'receive') continue;
      const channel = served.channels[op.channel.$ref.replace('#/channels/', '')];
      (received[op.bindings.kafka.clientId.const] ??= []).push(channel.address);
    }
    for (const [service, topics] of Object.entries(SUBSCRIPTIONS)) {
      expect([service, [...(received[service as ServiceName] ?? [])].sort()]).toEqual([
        service,
        [...topics].sort(),
      ]);
    }
  });

  it('serves a document the AsyncAPI parser accepts without errors', async () => {
    const diagnostics = await new Parser().validate(JSON.stringify(served));
    const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
    expect(errors.map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
  });
});
