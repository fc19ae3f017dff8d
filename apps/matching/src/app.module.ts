import { Module } from '@nestjs/common';
import { PlatformModule } from '@rendezvous/platform';
import { MatchingConfig } from './config';

@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'matching',
      config: MatchingConfig,
      database: {},
      redisOutbox: true,
    }),
  ],
})
export class AppModule {}
