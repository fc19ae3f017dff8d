import { Module } from '@nestjs/common';
import { ProximityConfig } from '../config';
import { EncountersService } from './encounters.service';
import { InterestHasher } from './interest-hasher';
import { ProximityMetrics } from './proximity-metrics';
import { SessionStore } from './session-store';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [SessionsController],
  providers: [
    SessionStore,
    SessionsService,
    EncountersService,
    ProximityMetrics,
    {
      provide: InterestHasher,
      inject: [ProximityConfig],
      useFactory: (config: ProximityConfig) => InterestHasher.fromConfig(config),
    },
  ],
  exports: [SessionStore],
})
export class SessionsModule {}
