import { Module } from '@nestjs/common';
import { PlatformModule } from '@rendezvous/platform';
import { BookingAgentConfig } from './config';

@Module({
  imports: [
    PlatformModule.forRoot({ service: 'booking-agent', config: BookingAgentConfig, database: {} }),
  ],
})
export class AppModule {}
