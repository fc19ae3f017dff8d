import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { asyncApiDocument } from '@rendezvous/asyncapi';
import { Public } from '@rendezvous/platform';
import { stringify } from 'yaml';
import { GatewayConfig } from '../config';
import { SUBSCRIPTIONS } from './asyncapi-subscriptions';

@ApiExcludeController()
@Controller('docs')
export class EventsDocsController {
  private readonly document: string;

  constructor(config: GatewayConfig) {
    this.document = stringify(
      asyncApiDocument({
        topology: {
          partitions: config.KAFKA_PARTITIONS,
          replicationFactor: config.KAFKA_REPLICATION_FACTOR,
        },
        subscriptions: SUBSCRIPTIONS,
      }),
    );
  }

  @Public()
  @Get('events.yaml')
  @Header('content-type', 'application/yaml; charset=utf-8')
  events(): string {
    return this.document;
  }
}
