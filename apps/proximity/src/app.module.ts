import { Module } from '@nestjs/common';
import { PlatformModule } from '@rendezvous/platform';
import { ProximityConfig } from './config';

@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'proximity',
      config: ProximityConfig,
      database: {},
      redisOutbox: true,
    }),
  ],
})
export class AppModule {}
