import { Module } from '@nestjs/common';
import { PlatformModule } from '@rendezvous/platform';
import { GatewayConfig } from './config';
import { ServicesReadiness } from './upstreams/services-readiness';

@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'gateway',
      config: GatewayConfig,
      readinessDetails: [ServicesReadiness],
    }),
  ],
})
export class AppModule {}
