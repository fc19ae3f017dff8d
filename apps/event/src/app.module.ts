import { Module } from '@nestjs/common';
import { PlatformModule } from '@rendezvous/platform';
import { EventConfig } from './config';

@Module({
  imports: [PlatformModule.forRoot({ service: 'event', config: EventConfig, database: {} })],
})
export class AppModule {}
